# Uncaught TypeError calling a non-callable value.
handlers = {'start': print, 'stop': 'not a function'}
handlers['start']('starting')
handlers['stop']('stopping')

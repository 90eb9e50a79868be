# Uncaught exception whose message has several lines and non-ASCII text.
problems = ['missing field: name', 'bad value: Größe']
raise ValueError('validation failed:\n  ' + '\n  '.join(problems))

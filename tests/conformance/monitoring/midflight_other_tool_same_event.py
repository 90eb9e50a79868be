# While an event is being dispatched, a callback (tool 5, called first) enables the same event
# for tool 1, or unregisters tool 1's callback: shows whether the change affects the event
# currently being dispatched or only later ones.
import sys
mon = sys.monitoring
E = mon.events
TOOL = 3
log = []

def line_of(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None

def show(v):
    if v is mon.MISSING:
        return 'MISSING'
    if isinstance(v, BaseException):
        return type(v).__name__ + '(' + str(v) + ')'
    if v is None or isinstance(v, (bool, int, float, str, range)):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return type(v).__name__ + '(' + ', '.join([show(x) for x in v]) + ')'
    if isinstance(v, dict):
        return '{' + ', '.join([show(k) + ': ' + show(v[k]) for k in v]) + '}'
    if isinstance(v, set):
        return 'set of ' + str(len(v))
    name = getattr(v, '__name__', None)
    if isinstance(name, str):
        return name
    if hasattr(v, '__next__'):
        return 'iterator'
    return type(v).__name__ + '()'

EVENT_NAMES = ['PY_START', 'PY_RESUME', 'PY_RETURN', 'PY_YIELD', 'CALL', 'LINE',
               'INSTRUCTION', 'JUMP', 'BRANCH_LEFT', 'BRANCH_RIGHT', 'STOP_ITERATION',
               'RAISE', 'EXCEPTION_HANDLED', 'PY_UNWIND', 'PY_THROW', 'RERAISE',
               'C_RETURN', 'C_RAISE']

HERE = line_of.__code__.co_filename   # only record code from this file

def make_cb(name):
    if name == 'LINE':
        def cb(code, line):
            if code.co_filename == HERE:
                log.append((name, code.co_name, line, None))
    elif name in ('JUMP', 'BRANCH_LEFT', 'BRANCH_RIGHT'):
        def cb(code, src, dest):
            if code.co_filename == HERE:
                log.append((name, code.co_name, line_of(code, src), line_of(code, dest)))
    elif name in ('CALL', 'C_RETURN', 'C_RAISE'):
        def cb(code, offset, func, arg0):
            if code.co_filename == HERE:
                log.append((name, code.co_name, line_of(code, offset), (show(func), show(arg0))))
    elif name in ('PY_START', 'PY_RESUME', 'INSTRUCTION'):
        def cb(code, offset):
            if code.co_filename == HERE:
                log.append((name, code.co_name, line_of(code, offset), None))
    else:
        def cb(code, offset, value):
            if code.co_filename == HERE:
                log.append((name, code.co_name, line_of(code, offset), show(value)))
    return cb

def register(tool, events):
    for name in EVENT_NAMES:
        if events & getattr(E, name):
            mon.register_callback(tool, getattr(E, name), make_cb(name))

def dump():
    for entry in log:
        print(entry)
    log.clear()

def target():
    return 'x'

def make(tool, action):
    def on_start(code, offset):
        if code.co_name != 'target':
            return None
        log.append((tool, 'PY_START', 'action=' + action))
        if action == 'enable-1':
            mon.set_events(1, E.PY_START)
        elif action == 'unregister-1':
            mon.register_callback(1, E.PY_START, None)
        elif action == 'disable-events-1':
            mon.set_events(1, 0)
    return on_start

mon.use_tool_id(5, 'first')
mon.use_tool_id(1, 'second')
mon.register_callback(1, E.PY_START, make(1, 'none'))

log.append('tool 5 enables tool 1 during dispatch')
mon.register_callback(5, E.PY_START, make(5, 'enable-1'))
mon.set_events(5, E.PY_START)
target()
log.append('next call')
target()

log.append('tool 5 unregisters tool 1 callback during dispatch')
mon.register_callback(5, E.PY_START, make(5, 'unregister-1'))
target()
log.append('next call')
target()

log.append('tool 5 clears tool 1 events during dispatch')
mon.register_callback(1, E.PY_START, make(1, 'none'))
mon.set_events(1, E.PY_START)
mon.register_callback(5, E.PY_START, make(5, 'disable-events-1'))
target()
log.append('next call')
target()
mon.set_events(5, 0)
mon.set_events(1, 0)
mon.free_tool_id(5)
mon.free_tool_id(1)
dump()

# Callbacks that reconfigure monitoring while running: swapping their own callback with
# register_callback, switching event sets with set_local_events, and stopping with set_events(0).
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

def work():
    a = 1
    b = 2
    c = 3
    d = 4
    e = 5
    return a + b + c + d + e

LINES = sorted(set([l for s, e, l in work.__code__.co_lines() if l is not None]))

def second_line_cb(code, line):
    log.append(('second cb LINE', code.co_name, line))
    if line == LINES[3]:
        # switch this code object to PY_RETURN only
        mon.set_local_events(TOOL, code, E.PY_RETURN)

def first_line_cb(code, line):
    log.append(('first cb LINE', code.co_name, line))
    if line == LINES[1]:
        prev = mon.register_callback(TOOL, E.LINE, second_line_cb)
        log.append(('replaced', prev is first_line_cb))

def on_return(code, offset, value):
    log.append(('PY_RETURN', code.co_name, line_of(code, offset), value))

mon.use_tool_id(TOOL, 'reconfigure')
mon.register_callback(TOOL, E.LINE, first_line_cb)
mon.register_callback(TOOL, E.PY_RETURN, on_return)
mon.set_local_events(TOOL, work.__code__, E.LINE)
work()
log.append(('local events after', mon.get_local_events(TOOL, work.__code__)))
work()

def stopper(code, line):
    if code.co_filename != HERE:
        return None
    log.append(('stopper LINE', code.co_name, line))
    if line == LINES[2]:
        mon.set_events(TOOL, 0)
        mon.set_local_events(TOOL, code, 0)

mon.register_callback(TOOL, E.LINE, stopper)
mon.set_events(TOOL, E.LINE)
work()
log.append(('global', mon.get_events(TOOL), 'local', mon.get_local_events(TOOL, work.__code__)))
mon.free_tool_id(TOOL)
dump()

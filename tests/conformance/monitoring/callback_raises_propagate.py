# An exception raised by a callback propagates from the event's location in the monitored code,
# as if that code had raised it; it can be caught by the monitored function's own handlers.
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

class Boom(Exception):
    pass

def guarded():
    try:
        a = 1
        b = 2
    except Boom as e:
        return 'guarded caught ' + str(e)
    return 'not raised'

def unguarded():
    a = 1
    b = 2
    return 'not raised'

LINES = sorted(set([l for s, e, l in guarded.__code__.co_lines() if l is not None]))
ULINES = sorted(set([l for s, e, l in unguarded.__code__.co_lines() if l is not None]))

def on_line(code, line):
    log.append(('LINE', code.co_name, line))
    if line == LINES[3] or line == ULINES[2]:
        raise Boom('from LINE ' + str(line))

def on_start(code, offset):
    if code.co_name == 'unguarded':
        raise Boom('from PY_START')

def on_return(code, offset, value):
    if code.co_name == 'unguarded':
        raise Boom('from PY_RETURN with value ' + str(value))

mon.use_tool_id(TOOL, 'raising')
register(TOOL, E.RAISE | E.PY_UNWIND | E.EXCEPTION_HANDLED)
mon.register_callback(TOOL, E.LINE, on_line)
mon.set_local_events(TOOL, guarded.__code__, E.LINE)
mon.set_local_events(TOOL, unguarded.__code__, E.LINE)
mon.set_events(TOOL, E.RAISE | E.PY_UNWIND | E.EXCEPTION_HANDLED)
log.append(guarded())
try:
    unguarded()
except Boom as e:
    log.append('module caught ' + str(e))
mon.set_local_events(TOOL, guarded.__code__, 0)
mon.set_local_events(TOOL, unguarded.__code__, 0)
mon.register_callback(TOOL, E.PY_START, on_start)
mon.set_events(TOOL, E.PY_START | E.RAISE | E.PY_UNWIND)
try:
    unguarded()
except Boom as e:
    log.append('module caught ' + str(e))
mon.set_events(TOOL, 0)
mon.register_callback(TOOL, E.PY_START, None)
mon.register_callback(TOOL, E.PY_RETURN, on_return)
mon.set_events(TOOL, E.PY_RETURN | E.RAISE | E.PY_UNWIND)
try:
    unguarded()
except Boom as e:
    log.append('module caught ' + str(e))
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()

# C_RETURN / C_RAISE can only be enabled together with CALL; afterwards get_events shows CALL only,
# and registered C_RETURN / C_RAISE callbacks fire whenever CALL is enabled (even via CALL alone).
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
    n = len([1, 2])
    try:
        int('nope')
    except ValueError:
        pass
    return n

def on_call(code, offset, func, arg0):
    if code.co_name == 'work':
        log.append(('CALL', func.__name__, show(arg0)))

def on_c_return(code, offset, func, arg0):
    if code.co_name == 'work':
        log.append(('C_RETURN', func.__name__, show(arg0)))

def on_c_raise(code, offset, func, arg0):
    if code.co_name == 'work':
        log.append(('C_RAISE', func.__name__, show(arg0)))

mon.use_tool_id(TOOL, 'c-events')
mon.register_callback(TOOL, E.C_RETURN, on_c_return)
mon.register_callback(TOOL, E.C_RAISE, on_c_raise)
log.append('C_RETURN/C_RAISE callbacks, CALL enabled alone, no CALL callback')
mon.set_events(TOOL, E.CALL)
work()
mon.set_events(TOOL, 0)
mon.register_callback(TOOL, E.CALL, on_call)
log.append('all three enabled')
mon.set_events(TOOL, E.CALL | E.C_RETURN | E.C_RAISE)
log.append(('get_events', mon.get_events(TOOL)))
work()
mon.set_events(TOOL, 0)
log.append('local CALL|C_RETURN|C_RAISE')
mon.set_local_events(TOOL, work.__code__, E.CALL | E.C_RETURN | E.C_RAISE)
log.append(('get_local_events', mon.get_local_events(TOOL, work.__code__)))
work()
mon.set_local_events(TOOL, work.__code__, 0)
log.append('C_RAISE callback removed')
mon.register_callback(TOOL, E.C_RAISE, None)
mon.set_events(TOOL, E.CALL)
work()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()

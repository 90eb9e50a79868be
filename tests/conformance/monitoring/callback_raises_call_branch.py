# Callbacks raising from CALL (the callee never runs), C_RETURN (the result is discarded),
# BRANCH_LEFT/RIGHT and JUMP; the exception appears at the instruction that fired the event.
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

def callee():
    log.append('callee body ran')
    return 1

def calls_it():
    try:
        callee()
    except RuntimeError as e:
        return 'caught ' + str(e)
    return 'no error'

def c_calls():
    try:
        n = len('abcd')
        return n
    except RuntimeError as e:
        return 'caught ' + str(e)

def branches(flag):
    try:
        if flag:
            r = 'left'
        else:
            r = 'right'
        return r
    except RuntimeError as e:
        return 'caught ' + str(e)

def on_call(code, offset, func, arg0):
    if code.co_name == 'calls_it' and func is callee:
        raise RuntimeError('CALL of ' + func.__name__)

def on_c_return(code, offset, func, arg0):
    if code.co_name == 'c_calls' and func is len:
        raise RuntimeError('C_RETURN of ' + func.__name__)

armed = [False]

def on_branch_left(code, src, dest):
    log.append(('BRANCH_LEFT', line_of(code, src), line_of(code, dest), 'armed', armed[0]))
    if not armed[0]:
        return None
    armed[0] = False
    raise RuntimeError('BRANCH_LEFT to line ' + str(line_of(code, dest)))

def on_branch_right(code, src, dest):
    log.append(('BRANCH_RIGHT', line_of(code, src), line_of(code, dest), 'armed', armed[0]))
    if not armed[0]:
        return None
    armed[0] = False
    raise RuntimeError('BRANCH_RIGHT to line ' + str(line_of(code, dest)))

mon.use_tool_id(TOOL, 'raising2')
register(TOOL, E.RAISE)
mon.register_callback(TOOL, E.CALL, on_call)
mon.register_callback(TOOL, E.C_RETURN, on_c_return)
mon.set_events(TOOL, E.CALL | E.C_RETURN | E.C_RAISE | E.RAISE)
r1 = calls_it()
r2 = c_calls()
mon.set_events(TOOL, 0)
mon.register_callback(TOOL, E.BRANCH_LEFT, on_branch_left)
mon.register_callback(TOOL, E.BRANCH_RIGHT, on_branch_right)
mon.set_local_events(TOOL, branches.__code__, E.BRANCH_LEFT | E.BRANCH_RIGHT)
mon.set_events(TOOL, E.RAISE)
armed[0] = True
r3 = branches(True)
armed[0] = True
r4 = branches(False)
mon.set_events(TOOL, 0)
mon.set_local_events(TOOL, branches.__code__, 0)
mon.free_tool_id(TOOL)
dump()
print(r1)
print(r2)
print(r3)
print(r4)

# Debugger "step into" pattern: LINE is enabled locally on the current function; when a CALL
# event targets a Python function, the callback enables LINE on the callee's code just before
# it starts, and turns it off again when that callee returns ("step out").
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

def leaf(v):
    w = v * 3
    return w

def branchy(v):
    if v > 1:
        return leaf(v)
    return leaf(v + 10)

def entry():
    a = branchy(2)
    b = len('xyz')
    return a + b

stepping = [entry.__code__]

def on_line(code, line):
    log.append(('  ' * (len(stepping) - 1)) + code.co_name + ':' + str(line))

def on_call(code, offset, func, arg0):
    if code is not stepping[-1]:
        return None
    callee = getattr(func, '__code__', None)
    if callee is None:
        log.append(('  ' * (len(stepping) - 1)) + 'step over C call ' + func.__name__)
        return None
    stepping.append(callee)
    mon.set_local_events(D, callee, E.LINE | E.CALL | E.PY_RETURN)

def on_return(code, offset, value):
    if len(stepping) > 1 and code is stepping[-1]:
        log.append(('  ' * (len(stepping) - 1)) + 'return ' + show(value))
        mon.set_local_events(D, code, 0)
        stepping.pop()

D = mon.DEBUGGER_ID
mon.use_tool_id(D, 'stepper')
mon.register_callback(D, E.LINE, on_line)
mon.register_callback(D, E.CALL, on_call)
mon.register_callback(D, E.PY_RETURN, on_return)
mon.set_local_events(D, entry.__code__, E.LINE | E.CALL | E.PY_RETURN)
result = entry()
mon.set_local_events(D, entry.__code__, 0)
mon.free_tool_id(D)
dump()
print('result', result, 'stack', len(stepping))

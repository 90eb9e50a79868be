# Only the DISABLE object has a meaning as a callback result: None, 0, False, True, strings,
# MISSING and other objects are ignored; a non-callable callback or one with the wrong
# signature raises TypeError at the event site.
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
    return 1

results = [None, 0, False, True, 'DISABLE', mon.MISSING, [mon.DISABLE], mon.DISABLE, None]
fired = []

def on_start(code, offset):
    if code.co_name != 'target':
        return None
    r = results[len(fired)]
    fired.append(show(r) if r is not mon.DISABLE else 'DISABLE')
    return r

mon.use_tool_id(TOOL, 'returns')
mon.register_callback(TOOL, E.PY_START, on_start)
mon.set_events(TOOL, E.PY_START)
for i in range(len(results)):
    target()
mon.set_events(TOOL, 0)
print('callback results returned, in order:', fired)
print('calls that reached the callback:', len(fired), 'of', len(results))
mon.restart_events()

def attempt(label, callback):
    mon.register_callback(TOOL, E.PY_RETURN, callback)
    mon.set_events(TOOL, E.PY_RETURN)
    try:
        target()
        print(label, '-> no error')
    except TypeError as e:
        print(label, '->', type(e).__name__, e)
    mon.set_events(TOOL, 0)

def too_few(code):
    return None

def too_many(code, offset, value, extra):
    return None

def flexible(*args):
    print('  flexible got', len(args), 'arguments')

attempt('int as callback', 7)
attempt('callback taking 1 arg', too_few)
attempt('callback taking 4 args', too_many)
attempt('callback taking *args', flexible)
mon.free_tool_id(TOOL)

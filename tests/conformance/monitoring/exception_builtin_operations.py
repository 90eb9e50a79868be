# RAISE for exceptions raised by operations (no call involved): division, indexing, attribute
# lookup, unbound names, assert, unpacking; the line is the failing operation's line.
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

class Thing:
    slot = 1

def ops(kind):
    data = {'a': 1}
    items = [1, 2]
    try:
        if kind == 0:
            r = 1 // 0
        elif kind == 1:
            r = data['b']
        elif kind == 2:
            r = items[5]
        elif kind == 3:
            r = Thing().missing
        elif kind == 4:
            assert kind == 99, 'kind was ' + str(kind)
        elif kind == 5:
            a, b = items + [3]
        elif kind == 6:
            r = 'x' + 1
        else:
            r = undefined_name
    except Exception as e:
        return type(e).__name__

def on_raise(code, offset, exc):
    log.append(('RAISE', code.co_name, line_of(code, offset), type(exc).__name__, str(exc)))

def on_handled(code, offset, exc):
    log.append(('EXCEPTION_HANDLED', code.co_name, type(exc).__name__))

mon.use_tool_id(TOOL, 'operations')
mon.register_callback(TOOL, E.RAISE, on_raise)
mon.register_callback(TOOL, E.EXCEPTION_HANDLED, on_handled)
mon.set_events(TOOL, E.RAISE | E.EXCEPTION_HANDLED)
for kind in range(8):
    log.append(ops(kind))
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()

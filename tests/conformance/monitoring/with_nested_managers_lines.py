# LINE / JUMP / BRANCH events for `with a, b:` and nested with blocks, including a
# return and a break inside with blocks (both __exit__ calls still happen).
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

class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append('  enter ' + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        log.append('  exit ' + self.name)
        return False

def two_managers():
    with Res('a') as a, Res('b') as b:
        x = a + b
    return x

def nested_return():
    with Res('outer'):
        with Res('inner'):
            return 'from inner'

def break_in_with(items):
    for it in items:
        with Res(it):
            if it == 'stop':
                break
    return 'after loop'

FUNCS = (two_managers, nested_return, break_in_with)
EVENTS = E.LINE | E.JUMP | E.BRANCH_LEFT | E.BRANCH_RIGHT
mon.use_tool_id(TOOL, 'with-lines')
register(TOOL, EVENTS)
for fn in FUNCS:
    mon.set_local_events(TOOL, fn.__code__, EVENTS)
log.append('two_managers')
log.append(two_managers())
log.append('nested_return')
log.append(nested_return())
log.append('break_in_with')
log.append(break_in_with(['go', 'stop', 'never']))
for fn in FUNCS:
    mon.set_local_events(TOOL, fn.__code__, 0)
mon.free_tool_id(TOOL)
dump()

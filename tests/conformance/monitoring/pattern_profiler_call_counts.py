# Profiler pattern with CALL / C_RETURN / C_RAISE / PY_START / PY_RETURN / PY_UNWIND:
# per-callable call counts, C call counts, and the balance of starts vs returns/unwinds.
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

class Node:
    def __init__(self, value, children):
        self.value = value
        self.children = children

    def total(self):
        return self.value + sum([c.total() for c in self.children])

def build(depth):
    if depth == 0:
        return Node(1, [])
    return Node(depth, [build(depth - 1), build(depth - 1)])

def risky(n):
    try:
        return int('x' * n)
    except ValueError:
        return -1

calls = {}
c_returns = {}
c_raises = {}
starts = [0]
ends = [0]

def on_call(code, offset, func, arg0):
    if code.co_filename == HERE:
        calls[func.__name__] = calls.get(func.__name__, 0) + 1

def on_c_return(code, offset, func, arg0):
    if code.co_filename == HERE:
        c_returns[func.__name__] = c_returns.get(func.__name__, 0) + 1

def on_c_raise(code, offset, func, arg0):
    if code.co_filename == HERE:
        c_raises[func.__name__] = c_raises.get(func.__name__, 0) + 1

def on_start(code, offset):
    if code.co_filename == HERE:
        starts[0] += 1

def on_end(code, offset, value):
    if code.co_filename == HERE:
        ends[0] += 1

P = mon.PROFILER_ID
mon.use_tool_id(P, 'counting-profiler')
mon.register_callback(P, E.CALL, on_call)
mon.register_callback(P, E.C_RETURN, on_c_return)
mon.register_callback(P, E.C_RAISE, on_c_raise)
mon.register_callback(P, E.PY_START, on_start)
mon.register_callback(P, E.PY_RETURN, on_end)
mon.register_callback(P, E.PY_UNWIND, on_end)
mon.set_events(P, E.CALL | E.C_RETURN | E.C_RAISE | E.PY_START | E.PY_RETURN | E.PY_UNWIND)
tree = build(3)
value = tree.total()
r = risky(2)
mon.set_events(P, 0)
mon.free_tool_id(P)
print('value', value, 'risky', r)
for name in sorted(calls):
    print('CALL', name, calls[name])
for name in sorted(c_returns):
    print('C_RETURN', name, c_returns[name])
for name in sorted(c_raises):
    print('C_RAISE', name, c_raises[name])
print('PY_START', starts[0], 'PY_RETURN+PY_UNWIND', ends[0])

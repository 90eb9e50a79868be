# Which consumers of an exhausted generator produce STOP_ITERATION (Python-level for loops,
# comprehensions, yield from) and which produce nothing or a RAISE (builtins, next(), unpacking).
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

def gen(n):
    for i in range(n):
        yield i
    return 'r'

def by_for():
    for x in gen(1):
        pass

def by_comprehension():
    return [x for x in gen(1)]

def by_yield_from():
    yield from gen(1)

def by_builtins():
    a = list(gen(1))
    b = sum(gen(2))
    c = tuple(gen(1))
    d = sorted(gen(2))
    e = 5 in gen(3)
    f = max(gen(2))
    return a, b, c, d, e, f

def by_unpacking():
    a, b = gen(2)
    first, *rest = gen(3)
    return a, b, first, rest

def by_next():
    g = gen(0)
    return next(g, 'default')

def on_event(name):
    def cb(code, offset, value):
        if code.co_filename == HERE:
            log.append((name, code.co_name, line_of(code, offset), show(value)))
    return cb

mon.use_tool_id(TOOL, 'stop-iteration')
mon.register_callback(TOOL, E.STOP_ITERATION, on_event('STOP_ITERATION'))
mon.register_callback(TOOL, E.RAISE, on_event('RAISE'))
mon.register_callback(TOOL, E.PY_RETURN, on_event('PY_RETURN'))
mon.set_events(TOOL, E.STOP_ITERATION | E.RAISE | E.PY_RETURN)
for fn in (by_for, by_comprehension, by_builtins, by_unpacking, by_next):
    log.append(fn.__name__)
    fn()
log.append('by_yield_from')
for v in by_yield_from():
    pass
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()

# close() edge cases: a generator that yields again while handling GeneratorExit (RuntimeError
# "generator ignored GeneratorExit"), one that returns a value from its finally handler, one
# never started (no events), and close() of an already finished generator (no events).
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

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'

def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return 'closing value'

def simple():
    yield 1

def on(kind):
    def cb(code, offset, *rest):
        if code.co_filename == HERE and code.co_name != 'attempt':
            detail = show(rest[0]) if rest else ''
            log.append((kind, code.co_name, line_of(code, offset), detail))
    return cb

KINDS = ('PY_THROW', 'PY_YIELD', 'PY_RETURN', 'PY_UNWIND', 'RAISE', 'EXCEPTION_HANDLED', 'RERAISE')
mon.use_tool_id(TOOL, 'close-edges')
mask = 0
for kind in KINDS:
    mon.register_callback(TOOL, getattr(E, kind), on(kind))
    mask |= getattr(E, kind)

def attempt(label, g):
    log.append(label)
    mon.set_events(TOOL, mask)
    try:
        r = g.close()
        outcome = 'returned'
    except RuntimeError as e:
        r = e
        outcome = 'raised'
    mon.set_events(TOOL, 0)
    log.append('  close() ' + outcome + ' ' + show(r))

g1 = stubborn()
next(g1)
attempt('stubborn', g1)
g2 = returns_on_close()
next(g2)
attempt('returns_on_close', g2)
attempt('never started', simple())
g3 = simple()
for v in g3:
    pass
attempt('already finished', g3)
g1.close()
mon.free_tool_id(TOOL)
dump()

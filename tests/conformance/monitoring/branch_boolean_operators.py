# Branch events for short-circuit and/or, not, chained comparisons and conditional expressions.
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

def and_value(a, b):
    return a and b

def or_value(a, b):
    return a or b

def in_if(a, b, c):
    if a and b or c:
        return 'T'
    return 'F'

def not_cond(a):
    if not a:
        return 'not'
    return 'is'

def chained(x):
    return 0 < x < 10

def ternary(x):
    y = 'pos' if x > 0 else 'nonpos'
    return y

def is_none(x):
    if x is None:
        return 'none'
    if x is not None:
        return 'some'

FUNCS = [and_value, or_value, in_if, not_cond, chained, ternary, is_none]
EVENTS = E.BRANCH_LEFT | E.BRANCH_RIGHT | E.JUMP
mon.use_tool_id(TOOL, 'bool-ops')
register(TOOL, EVENTS)
for fn in FUNCS:
    mon.set_local_events(TOOL, fn.__code__, EVENTS)
cases = [(and_value, (0, 1)), (and_value, (1, 2)), (or_value, (0, 3)), (or_value, (4, 5)),
         (in_if, (1, 1, 0)), (in_if, (1, 0, 1)), (in_if, (0, 1, 0)), (not_cond, (0,)),
         (not_cond, ([1],)), (chained, (5,)), (chained, (-1,)), (chained, (20,)),
         (ternary, (1,)), (ternary, (-1,)), (is_none, (None,)), (is_none, (0,))]
for fn, args in cases:
    log.append(fn.__name__ + repr(args))
    result = fn(*args)
    log.append('  -> ' + repr(result))
dump()
for fn in FUNCS:
    mon.set_local_events(TOOL, fn.__code__, 0)
mon.free_tool_id(TOOL)

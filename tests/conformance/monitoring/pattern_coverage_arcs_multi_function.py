# Coverage pattern over several functions (generator, try/except, while, comprehension):
# LINE + BRANCH_LEFT + BRANCH_RIGHT, all callbacks return DISABLE; prints per-function sorted
# line sets and (kind, from, to) arcs, plus which lines of each function never ran.
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

def evens(limit):
    n = 0
    while n < limit:
        if n % 2 == 0:
            yield n
        n += 1

def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None

def summary(values):
    ok = [v for v in values if v is not None]
    if not ok:
        return 'empty'
    return sum(ok)

def main():
    results = [safe_div(10, d) for d in evens(5)]
    return summary(results), summary([])

FUNCS = (evens, safe_div, summary, main)
NAMES = [f.__name__ for f in FUNCS]
lines = {}
arcs = {}

def on_line(code, line):
    if code.co_name in NAMES:
        lines.setdefault(code.co_name, set()).add(line)
    return mon.DISABLE

def arc_recorder(kind):
    def cb(code, src, dest):
        if code.co_name in NAMES:
            arcs.setdefault(code.co_name, set()).add((kind, line_of(code, src), line_of(code, dest)))
        return mon.DISABLE
    return cb

C = mon.COVERAGE_ID
mon.use_tool_id(C, 'coverage')
mon.register_callback(C, E.LINE, on_line)
mon.register_callback(C, E.BRANCH_LEFT, arc_recorder('L'))
mon.register_callback(C, E.BRANCH_RIGHT, arc_recorder('R'))
mon.set_events(C, E.LINE | E.BRANCH_LEFT | E.BRANCH_RIGHT)
result = main()
mon.set_events(C, 0)
mon.free_tool_id(C)
mon.restart_events()
print('result', result)
for f in FUNCS:
    name = f.__name__
    body = sorted(set([l for s, e, l in f.__code__.co_lines() if l is not None]))[1:]
    print(name, 'lines', sorted(lines.get(name, set())))
    print(name, 'missed', [l for l in body if l not in lines.get(name, set())])
    print(name, 'arcs', sorted(arcs.get(name, set())))

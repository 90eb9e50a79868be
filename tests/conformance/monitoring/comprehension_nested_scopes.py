# Nested comprehensions are inlined into the enclosing function (no PY_START of their own),
# while a generator expression inside a comprehension is a separate '<genexpr>' frame; the
# counts of each event kind per code name are printed.
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

def matrix(n):
    rows = [[i * j for j in range(n)] for i in range(n)]
    sums = [sum(x for x in row) for row in rows]
    flat = {(i, j) for i in range(n) for j in range(i)}
    return rows, sums, sorted(flat)

EVENTS = E.PY_START | E.PY_RETURN | E.PY_YIELD | E.PY_RESUME
seen = {}

def count(kind):
    def cb(code, offset, *rest):
        if code.co_filename == HERE:
            key = (kind, code.co_name)
            seen[key] = seen.get(key, 0) + 1
    return cb

mon.use_tool_id(TOOL, 'nested-comprehensions')
mon.register_callback(TOOL, E.PY_START, count('PY_START'))
mon.register_callback(TOOL, E.PY_RETURN, count('PY_RETURN'))
mon.register_callback(TOOL, E.PY_YIELD, count('PY_YIELD'))
mon.register_callback(TOOL, E.PY_RESUME, count('PY_RESUME'))
mon.register_callback(TOOL, E.LINE, count('LINE'))
mon.register_callback(TOOL, E.BRANCH_LEFT, count('BRANCH_LEFT'))
mon.register_callback(TOOL, E.BRANCH_RIGHT, count('BRANCH_RIGHT'))
mon.set_events(TOOL, EVENTS)
result = matrix(3)
module_level = [v * 2 for v in range(3) if v]
mon.set_local_events(TOOL, matrix.__code__, E.BRANCH_LEFT | E.BRANCH_RIGHT | E.LINE)
matrix(2)
mon.set_local_events(TOOL, matrix.__code__, 0)
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
for key in sorted(seen):
    print(key, seen[key])
print(result)
print(module_level)

# for loops over many kinds of iterables (list, tuple, str, dict, items, range, enumerate,
# zip, reversed, map, filter, generator) give the same LEFT/RIGHT pattern; long loops (which
# CPython specializes internally) are counted to show no event is lost.
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

def loop_over(it):
    count = 0
    for x in it:
        count += 1
    return count

counts = {}

def on_left(code, src, dest):
    if code.co_name == 'loop_over':
        counts['L'] = counts.get('L', 0) + 1

def on_right(code, src, dest):
    if code.co_name == 'loop_over':
        counts['R'] = counts.get('R', 0) + 1
        counts['R lines'] = (line_of(code, src), line_of(code, dest))

def on_jump(code, src, dest):
    if code.co_name == 'loop_over':
        counts['J'] = counts.get('J', 0) + 1

cases = [('list', [1, 2, 3]), ('tuple', (1, 2)), ('str', 'abcd'), ('dict', {'a': 1, 'b': 2}),
         ('items', {'a': 1}.items()), ('range', range(5)), ('enumerate', enumerate('xy')),
         ('zip', zip([1, 2], 'ab')), ('reversed', reversed([1, 2, 3])), ('map', map(abs, [-1, 2])),
         ('filter', filter(None, [0, 1, 2])), ('generator', gen(3)), ('empty list', []),
         ('long list', list(range(300))), ('long range', range(500)), ('long generator', gen(200))]
mon.use_tool_id(TOOL, 'iterables')
mon.register_callback(TOOL, E.BRANCH_LEFT, on_left)
mon.register_callback(TOOL, E.BRANCH_RIGHT, on_right)
mon.register_callback(TOOL, E.JUMP, on_jump)
mon.set_local_events(TOOL, loop_over.__code__, E.BRANCH_LEFT | E.BRANCH_RIGHT | E.JUMP)
for name, it in cases:
    n = loop_over(it)
    print(name, n, sorted(counts.items()))
    counts.clear()
mon.set_local_events(TOOL, loop_over.__code__, 0)
mon.free_tool_id(TOOL)

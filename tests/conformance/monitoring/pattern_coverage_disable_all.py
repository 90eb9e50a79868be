# Coverage-tool pattern: LINE + BRANCH_LEFT + BRANCH_RIGHT enabled globally, every callback
# returns DISABLE so each line/arc is reported once; prints the sorted lines and arcs seen.
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

def classify(values):
    out = []
    for v in values:
        if v < 0:
            out.append('neg')
        elif v == 0:
            out.append('zero')
        else:
            out.append('pos')
    while out and out[-1] == 'pos':
        out.pop()
    return out

def unused(x):
    return x * 2

lines = []
arcs = []
events = [0]

def on_line(code, line):
    if code.co_filename == HERE:
        events[0] += 1
    if code.co_name == 'classify':
        lines.append(line)
    return mon.DISABLE

def on_left(code, src, dest):
    if code.co_filename == HERE:
        events[0] += 1
    if code.co_name == 'classify':
        arcs.append(('L', line_of(code, src), line_of(code, dest)))
    return mon.DISABLE

def on_right(code, src, dest):
    if code.co_filename == HERE:
        events[0] += 1
    if code.co_name == 'classify':
        arcs.append(('R', line_of(code, src), line_of(code, dest)))
    return mon.DISABLE

mon.use_tool_id(mon.COVERAGE_ID, 'coverage')
mon.register_callback(mon.COVERAGE_ID, E.LINE, on_line)
mon.register_callback(mon.COVERAGE_ID, E.BRANCH_LEFT, on_left)
mon.register_callback(mon.COVERAGE_ID, E.BRANCH_RIGHT, on_right)
mon.set_events(mon.COVERAGE_ID, E.LINE | E.BRANCH_LEFT | E.BRANCH_RIGHT)
classify([3, -1])
first_run = events[0]
classify([0, 5, 7])
classify([-2, 0, 1])
mon.set_events(mon.COVERAGE_ID, 0)
mon.free_tool_id(mon.COVERAGE_ID)
mon.restart_events()
all_lines = sorted(set([l for s, e, l in classify.__code__.co_lines() if l is not None]))
print('lines seen  ', sorted(lines))
print('lines seen once each', len(lines) == len(set(lines)))
print('never run   ', [l for l in all_lines if l not in lines])
for arc in sorted(arcs):
    print('arc', arc)
print('events in first run', first_run, 'total', events[0])

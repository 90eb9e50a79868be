# All six tool ids in use at once with different event sets on the same function (global and
# local mixed); per event, callbacks are dispatched from tool 5 down to tool 0.
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

def f(x):
    if x:
        return 'yes'
    return 'no'

PLAN = {
    0: ('global', E.PY_START | E.LINE),
    1: ('local', E.LINE | E.BRANCH_LEFT | E.BRANCH_RIGHT),
    2: ('global', E.PY_RETURN),
    3: ('local', E.PY_START | E.PY_RETURN),
    4: ('global', E.LINE),
    5: ('local', E.BRANCH_LEFT | E.BRANCH_RIGHT | E.PY_START),
}

def make(tool, kind):
    def cb(code, *args):
        if code.co_name == 'f':
            detail = args[0] if kind == 'LINE' else (show(args[1]) if kind == 'PY_RETURN' else '')
            log.append((tool, kind, detail))
    return cb

for t in range(6):
    mon.use_tool_id(t, 'tool' + str(t))
    for kind in ('PY_START', 'PY_RETURN', 'LINE', 'BRANCH_LEFT', 'BRANCH_RIGHT'):
        mon.register_callback(t, getattr(E, kind), make(t, kind))
for t in range(6):
    scope, ev = PLAN[t]
    if scope == 'global':
        mon.set_events(t, ev)
    else:
        mon.set_local_events(t, f.__code__, ev)
f(1)
log.append('---')
f(0)
for t in range(6):
    mon.set_events(t, 0)
    mon.set_local_events(t, f.__code__, 0)
    mon.free_tool_id(t)
dump()

# Several tools on the same events: callbacks run in DESCENDING tool-id order (5 first, 0 last),
# whatever the order of registration; each tool sees only the events it enabled.
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

# of registration; each tool sees only the events it enabled.

def target(x):
    if x:
        return x * 2
    return 0

def make(tool):
    def on_start(code, offset):
        if code.co_name == 'target':
            log.append(('tool', tool, 'PY_START'))
    def on_return(code, offset, value):
        if code.co_name == 'target':
            log.append(('tool', tool, 'PY_RETURN', value))
    def on_line(code, line):
        if code.co_name == 'target':
            log.append(('tool', tool, 'LINE', line))
    return on_start, on_return, on_line

ORDER = [4, 0, 5, 2, 1, 3]
for t in ORDER:
    mon.use_tool_id(t, 'tool' + str(t))
    s, r, l = make(t)
    mon.register_callback(t, E.PY_START, s)
    mon.register_callback(t, E.PY_RETURN, r)
    mon.register_callback(t, E.LINE, l)
for t in ORDER:
    ev = E.PY_START | E.PY_RETURN
    if t % 2 == 0:
        ev |= E.LINE
    mon.set_events(t, ev)
target(3)
for t in ORDER:
    mon.set_events(t, 0)
log.append('only tools 1 and 4 now')
mon.set_events(4, E.PY_START)
mon.set_events(1, E.PY_START | E.PY_RETURN)
target(0)
mon.set_events(1, 0)
mon.set_events(4, 0)
for t in ORDER:
    mon.free_tool_id(t)
dump()

# Literal constant conditions are folded away: the `if`/`while` line still fires LINE, but there
# is no branch event and no LINE for the dead body; `if 1 + 1 == 2:` and `if ():` are NOT folded.
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

DEBUG = False

def folded():
    out = []
    if True:
        out.append(1)
    if False:
        out.append(2)
    if 0:
        out.append(3)
    else:
        out.append(4)
    if 1 + 1 == 2:
        out.append(5)
    if not None:
        out.append(6)
    if 'text':
        out.append(7)
    if ():
        out.append(8)
    while 0:
        out.append(9)
    x = 10 if 1 else 11
    out.append(x)
    return out

def not_folded():
    out = []
    if DEBUG:
        out.append('debug')
    flag = True
    if flag:
        out.append('flag')
    return out

def while_one():
    n = 0
    while 1:
        n += 1
        if n == 2:
            return n

FUNCS = [folded, not_folded, while_one]
EVENTS = E.LINE | E.BRANCH_LEFT | E.BRANCH_RIGHT | E.JUMP
mon.use_tool_id(TOOL, 'folding')
register(TOOL, EVENTS)
for fn in FUNCS:
    mon.set_local_events(TOOL, fn.__code__, EVENTS)
for fn in FUNCS:
    log.append(fn.__name__)
    log.append(fn())
for fn in FUNCS:
    mon.set_local_events(TOOL, fn.__code__, 0)
mon.free_tool_id(TOOL)
dump()

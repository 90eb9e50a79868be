# for loops: continuing the loop is BRANCH_LEFT, exhaustion is BRANCH_RIGHT; JUMP for the back edge.
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

def simple(seq):
    total = 0
    for x in seq:
        total += x
    return total

def with_continue(seq):
    out = 0
    for x in seq:
        if x < 0:
            continue
        out += x
    return out

def with_break(seq):
    for x in seq:
        if x == 'stop':
            break
        last = x
    return 'end'

def for_else(seq, target):
    for x in seq:
        if x == target:
            found = True
            break
    else:
        found = False
    return found

def empty_loop():
    for x in []:
        pass
    return 0

FUNCS = [simple, with_continue, with_break, for_else, empty_loop]
EVENTS = E.LINE | E.BRANCH_LEFT | E.BRANCH_RIGHT | E.JUMP
mon.use_tool_id(TOOL, 'for')
register(TOOL, EVENTS)
for fn in FUNCS:
    mon.set_local_events(TOOL, fn.__code__, EVENTS)
log.append('simple [1, 2]')
simple([1, 2])
log.append('with_continue [-1, 2]')
with_continue([-1, 2])
log.append('with_break [a, stop, b]')
with_break(['a', 'stop', 'b'])
log.append('for_else found')
for_else([1, 2], 1)
log.append('for_else not found')
for_else([1], 5)
log.append('empty_loop')
empty_loop()
for fn in FUNCS:
    mon.set_local_events(TOOL, fn.__code__, 0)
mon.free_tool_id(TOOL)
dump()

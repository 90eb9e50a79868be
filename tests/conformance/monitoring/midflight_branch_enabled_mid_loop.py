# A LINE callback enables BRANCH_LEFT/BRANCH_RIGHT/JUMP for the running frame part-way through
# a loop, and later a BRANCH callback unregisters itself (events stay enabled, nothing fires).
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

def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    return total

LINES = sorted(set([l for s, e, l in loop.__code__.co_lines() if l is not None]))
seen_lines = [0]

def on_line(code, line):
    log.append(('LINE', line))
    if line == LINES[3]:
        seen_lines[0] += 1
        if seen_lines[0] == 2:
            log.append('enable branches')
            mon.set_local_events(TOOL, code, E.LINE | E.BRANCH_LEFT | E.BRANCH_RIGHT | E.JUMP)

def on_left(code, src, dest):
    log.append(('BRANCH_LEFT', line_of(code, src), line_of(code, dest)))

def on_right(code, src, dest):
    log.append(('BRANCH_RIGHT', line_of(code, src), line_of(code, dest)))
    if line_of(code, src) == LINES[3]:
        log.append('BRANCH_RIGHT callback unregisters itself')
        mon.register_callback(TOOL, E.BRANCH_RIGHT, None)

def on_jump(code, src, dest):
    log.append(('JUMP', line_of(code, src), line_of(code, dest)))

mon.use_tool_id(TOOL, 'mid-loop')
mon.register_callback(TOOL, E.LINE, on_line)
mon.register_callback(TOOL, E.BRANCH_LEFT, on_left)
mon.register_callback(TOOL, E.BRANCH_RIGHT, on_right)
mon.register_callback(TOOL, E.JUMP, on_jump)
mon.set_local_events(TOOL, loop.__code__, E.LINE)
result = loop(4)
log.append(('local events at end', mon.get_local_events(TOOL, loop.__code__)))
mon.set_local_events(TOOL, loop.__code__, 0)
mon.free_tool_id(TOOL)
dump()
print(result)

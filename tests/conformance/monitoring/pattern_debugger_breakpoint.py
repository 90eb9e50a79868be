# Debugger pattern: local LINE events on one code object; the callback returns DISABLE for every
# line except the breakpoint line, so only breakpoint hits reach the callback after the first pass.
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

def compute(items):
    acc = 0
    for x in items:
        if x % 3 == 0:
            acc += x
        acc += 1
    return acc

def helper():
    return compute([1, 2, 3])

LINES = sorted(set([l for s, e, l in compute.__code__.co_lines() if l is not None]))
BREAKPOINT = LINES[4]          # acc += x
callbacks = []
hits = []

def on_line(code, line):
    callbacks.append(line)
    if line != BREAKPOINT:
        return mon.DISABLE
    hits.append(line)
    return None

D = mon.DEBUGGER_ID
mon.use_tool_id(D, 'debugger')
mon.register_callback(D, E.LINE, on_line)
mon.set_local_events(D, compute.__code__, E.LINE)
r1 = compute(range(10))
print('first run callbacks', callbacks)
callbacks.clear()
r2 = helper()
print('second run callbacks', callbacks)
print('breakpoint hits', len(hits), 'results', r1, r2)
mon.set_local_events(D, compute.__code__, 0)
callbacks.clear()
compute(range(6))
print('after removing local events', callbacks)
mon.free_tool_id(D)
mon.restart_events()

# get_events / get_local_events are per tool and per code object: enabling events for one tool
# never shows up in another's read-back; every single event bit round-trips through
# set_events and get_events.
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

def f():
    return 1

def g():
    return 2

for t in range(6):
    mon.use_tool_id(t, 'readback' + str(t))
names = ['PY_START', 'PY_RESUME', 'PY_RETURN', 'PY_YIELD', 'CALL', 'LINE', 'INSTRUCTION',
         'JUMP', 'BRANCH_LEFT', 'BRANCH_RIGHT', 'STOP_ITERATION', 'RAISE', 'EXCEPTION_HANDLED',
         'PY_UNWIND', 'PY_THROW', 'RERAISE']
for i in range(len(names)):
    t = i % 6
    mon.set_events(t, getattr(E, names[i]))
    print(names[i], 'tool', t, [mon.get_events(k) for k in range(6)])
    mon.set_events(t, 0)
acc = 0
for n in names:
    acc |= getattr(E, n)
    mon.set_events(1, acc)
print('accumulated', mon.get_events(1), hex(mon.get_events(1)))
mon.set_events(1, 0)
mon.set_local_events(2, f.__code__, E.LINE)
mon.set_local_events(4, f.__code__, E.PY_START)
mon.set_local_events(4, g.__code__, E.JUMP | E.CALL)
for t in (2, 4):
    print('tool', t, 'global', mon.get_events(t), 'f', mon.get_local_events(t, f.__code__),
          'g', mon.get_local_events(t, g.__code__))
for t in range(6):
    mon.set_local_events(t, f.__code__, 0)
    mon.set_local_events(t, g.__code__, 0)
    mon.free_tool_id(t)

# DISABLE is per tool: one tool disabling a location does not silence the others; the disable
# survives set_events(0) + set_events(again) when the code does not run in between;
# restart_events re-enables it for every tool.
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

def target():
    a = 1
    return a

def make(tool, disable):
    def on_start(code, offset):
        if code.co_name == 'target':
            log.append(('tool', tool, 'PY_START'))
            if disable:
                return mon.DISABLE
    def on_line(code, line):
        if code.co_name == 'target':
            log.append(('tool', tool, 'LINE', line))
            if disable:
                return mon.DISABLE
    return on_start, on_line

for t, dis in ((1, True), (2, False), (4, True)):
    mon.use_tool_id(t, 'tool' + str(t))
    s, l = make(t, dis)
    mon.register_callback(t, E.PY_START, s)
    mon.register_callback(t, E.LINE, l)
    mon.set_events(t, E.PY_START | E.LINE)

log.append('call 1: tools 1 and 4 disable')
target()
log.append('call 2: only tool 2 remains')
target()
log.append('call 3: after turning events off and on again')
for t in (1, 2, 4):
    mon.set_events(t, 0)
for t in (1, 2, 4):
    mon.set_events(t, E.PY_START | E.LINE)
target()
log.append('call 4: after restart_events')
mon.restart_events()
target()
log.append('call 5: disabled again')
target()
for t in (1, 2, 4):
    mon.set_events(t, 0)
    mon.free_tool_id(t)
mon.restart_events()
dump()

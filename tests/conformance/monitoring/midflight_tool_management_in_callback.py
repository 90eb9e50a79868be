# Tool management from inside a callback: use_tool_id + register + set_events for a new tool,
# free_tool_id / clear_tool_id of another tool while the same event is being dispatched.
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
    return 1

def lower_cb(code, offset):
    if code.co_name == 'target':
        log.append(('tool 1 PY_START',))

def lower_cb2(code, offset):
    if code.co_name == 'target':
        log.append(('tool 2 PY_START',))

def make_upper(action):
    def upper_cb(code, offset):
        if code.co_name != 'target':
            return None
        log.append(('tool 4 PY_START, action', action))
        if action == 'free 1':
            mon.free_tool_id(1)
        elif action == 'clear 2':
            mon.clear_tool_id(2)
        elif action == 'add 0':
            mon.use_tool_id(0, 'added in callback')
            mon.register_callback(0, E.PY_START, lower_cb)
            mon.set_events(0, E.PY_START)
    return upper_cb

mon.use_tool_id(4, 'upper')
for t, cb in ((1, lower_cb), (2, lower_cb2)):
    mon.use_tool_id(t, 'lower' + str(t))
    mon.register_callback(t, E.PY_START, cb)
    mon.set_events(t, E.PY_START)
mon.set_events(4, E.PY_START)
for action in ('free 1', 'clear 2', 'add 0'):
    mon.register_callback(4, E.PY_START, make_upper(action))
    log.append('first call with action ' + action)
    target()
    log.append('second call')
    mon.register_callback(4, E.PY_START, make_upper('none'))
    target()
log.append(('tools', [mon.get_tool(i) for i in range(6)], 'events', [mon.get_events(i) for i in range(6)]))
for t in range(6):
    mon.free_tool_id(t)
dump()

# The deprecated BRANCH event: set_events/set_local_events with BRANCH enable BRANCH_LEFT and
# BRANCH_RIGHT; a callback registered for BRANCH receives both kinds.
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

def decide(values):
    out = []
    for v in values:
        if v:
            out.append('t')
    return out

def on_branch(code, src, dest):
    log.append(('BRANCH cb', code.co_name, line_of(code, src), line_of(code, dest)))

def on_left(code, src, dest):
    log.append(('LEFT cb', code.co_name, line_of(code, src), line_of(code, dest)))

mon.use_tool_id(TOOL, 'branch-alias')
log.append(('register BRANCH returns', mon.register_callback(TOOL, E.BRANCH, on_branch)))
mon.set_events(TOOL, E.BRANCH)
log.append(('get_events', mon.get_events(TOOL)))
decide([1, 0])
mon.set_events(TOOL, 0)

log.append('left callback replaced, right keeps the BRANCH callback')
prev = mon.register_callback(TOOL, E.BRANCH_LEFT, on_left)
log.append(('previous LEFT was BRANCH cb', prev is on_branch))
mon.set_local_events(TOOL, decide.__code__, E.BRANCH)
log.append(('get_local_events', mon.get_local_events(TOOL, decide.__code__)))
decide([0, 1])
mon.set_local_events(TOOL, decide.__code__, E.BRANCH_RIGHT)
log.append('only BRANCH_RIGHT enabled')
decide([1])
mon.set_local_events(TOOL, decide.__code__, 0)
prev = mon.register_callback(TOOL, E.BRANCH, None)
log.append(('unregister BRANCH returns LEFT callback', prev is on_left))
log.append(('RIGHT also cleared', mon.register_callback(TOOL, E.BRANCH_RIGHT, None)))
mon.free_tool_id(TOOL)
dump()

# clear_tool_id keeps the tool registered (name kept) but removes its global events, local
# events and callbacks at once; free_tool_id does the same and releases the id.
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
    return 'value'

def on_start(code, offset):
    log.append(('PY_START', code.co_name))

def on_line(code, line):
    log.append(('LINE', code.co_name, line))

mon.use_tool_id(TOOL, 'clearable')
mon.register_callback(TOOL, E.PY_START, on_start)
mon.register_callback(TOOL, E.LINE, on_line)
mon.set_events(TOOL, E.PY_START)
mon.set_local_events(TOOL, target.__code__, E.LINE)
target()
mon.clear_tool_id(TOOL)
log.append(('after clear: name', mon.get_tool(TOOL), 'events', mon.get_events(TOOL)))
target()
log.append('nothing fired after clear')
log.append(('old callbacks gone', mon.register_callback(TOOL, E.PY_START, on_start),
            mon.register_callback(TOOL, E.LINE, None)))
log.append('PY_START callback registered again, but no events set')
target()
mon.set_events(TOOL, E.PY_START)
target()
mon.clear_tool_id(TOOL)
mon.clear_tool_id(TOOL)
log.append(('clear twice is fine', mon.get_tool(TOOL)))
mon.free_tool_id(TOOL)
log.append(('after free', mon.get_tool(TOOL), mon.get_events(TOOL)))
dump()

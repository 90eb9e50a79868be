# free_tool_id called from inside that tool's own callback stops everything at once;
# restart_events called from inside a callback re-enables locations disabled earlier.
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

def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

LINES = sorted(set([l for s, e, l in work.__code__.co_lines() if l is not None]))
calls = [0]

def freeing_line(code, line):
    if code.co_name != 'work':
        return None
    log.append(('freeing LINE', line))
    if line == LINES[3]:
        mon.free_tool_id(TOOL)
        log.append(('after free: tool', mon.get_tool(TOOL), 'events', mon.get_events(TOOL)))

def on_return(code, offset, value):
    log.append(('PY_RETURN', code.co_name, value))

mon.use_tool_id(TOOL, 'self-free')
mon.register_callback(TOOL, E.LINE, freeing_line)
mon.register_callback(TOOL, E.PY_RETURN, on_return)
mon.set_events(TOOL, E.LINE | E.PY_RETURN)
work(3)
log.append('after work')

def disabling_line(code, line):
    if code.co_name != 'work':
        return None
    log.append(('disabling LINE', line))
    if line == LINES[4]:
        calls[0] += 1
        if calls[0] == 2:
            log.append('restart_events from callback')
            mon.restart_events()
        return None
    return mon.DISABLE

mon.use_tool_id(TOOL, 'restarter')
mon.register_callback(TOOL, E.LINE, disabling_line)
mon.set_local_events(TOOL, work.__code__, E.LINE)
work(1)
log.append('second call')
work(1)
log.append('third call')
work(1)
mon.set_local_events(TOOL, work.__code__, 0)
mon.free_tool_id(TOOL)
dump()

# How long a DISABLE lasts. CPython re-instruments a code object lazily (on its next execution,
# or at once if it has a live frame) and then only applies the *difference* between the events
# it was last instrumented for and the current ones. So a disabled location stays disabled across
# set_events(0)/set_events(E) (even free_tool_id/use_tool_id) if the code did not run in between,
# but comes back if the code ran while the event was off, or was live on the stack.
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

def on_start(code, offset):
    if code.co_name == 'target':
        log.append('  PY_START target')
        return mon.DISABLE

def toggle():
    mon.set_events(TOOL, 0)
    mon.set_events(TOOL, E.LINE)

def looper(do_toggle):
    for i in range(3):
        x = i
        if do_toggle and i == 1:
            toggle()
    return 0

LOOP_LINES = sorted(set([l for s, e, l in looper.__code__.co_lines() if l is not None]))

def on_line(code, line):
    if code.co_name == 'looper':
        log.append('  LINE looper +' + str(LOOP_LINES.index(line)))
        if line == LOOP_LINES[2]:
            return mon.DISABLE

mon.use_tool_id(TOOL, 'persistence')
mon.register_callback(TOOL, E.PY_START, on_start)
mon.set_events(TOOL, E.PY_START)
log.append('A: first calls')
target()
target()
log.append('A: off and on again without running target')
mon.set_events(TOOL, 0)
mon.set_events(TOOL, E.PY_START)
target()
log.append('B: off, run target, on again')
mon.set_events(TOOL, 0)
target()
mon.set_events(TOOL, E.PY_START)
target()
target()
log.append('D: free_tool_id + use_tool_id without running target')
mon.free_tool_id(TOOL)
mon.use_tool_id(TOOL, 'persistence again')
mon.register_callback(TOOL, E.PY_START, on_start)
mon.set_events(TOOL, E.PY_START)
target()
log.append('E: restart_events')
mon.restart_events()
target()
target()
mon.set_events(TOOL, 0)

log.append('C: toggling while looper is on the stack re-enables its disabled line')
mon.register_callback(TOOL, E.LINE, on_line)
mon.set_events(TOOL, E.LINE)
looper(True)
log.append('C: next call, line disabled again')
looper(False)
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
mon.restart_events()
dump()

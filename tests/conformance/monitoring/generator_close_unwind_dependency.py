# gen.close() on a generator suspended outside any try block skips running the frame entirely
# (no PY_THROW/RAISE) unless some tool has PY_UNWIND enabled; inside try/finally it always runs.
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

def plain():
    yield 1
    yield 2

def guarded():
    try:
        yield 1
    finally:
        done = True

def attempt(label, factory, events, other_tool_events=0):
    log.append(label + ': ' + factory.__name__)
    g = factory()
    next(g)
    mon.set_events(TOOL, events)
    if other_tool_events:
        mon.set_events(TOOL + 1, other_tool_events)
    g.close()
    mon.set_events(TOOL, 0)
    mon.set_events(TOOL + 1, 0)
    dump()

mon.use_tool_id(TOOL, 'close-main')
mon.use_tool_id(TOOL + 1, 'close-other')
register(TOOL, E.PY_THROW | E.RAISE | E.PY_UNWIND | E.RERAISE | E.EXCEPTION_HANDLED | E.LINE)
for factory in (plain, guarded):
    attempt('PY_THROW only', factory, E.PY_THROW)
    attempt('RAISE only', factory, E.RAISE)
    attempt('RERAISE|EXCEPTION_HANDLED', factory, E.RERAISE | E.EXCEPTION_HANDLED)
    attempt('PY_UNWIND only', factory, E.PY_UNWIND)
    attempt('PY_THROW|RAISE|PY_UNWIND', factory, E.PY_THROW | E.RAISE | E.PY_UNWIND)
    attempt('PY_THROW + other tool PY_UNWIND', factory, E.PY_THROW, E.PY_UNWIND)
    attempt('LINE only', factory, E.LINE)
mon.free_tool_id(TOOL)
mon.free_tool_id(TOOL + 1)

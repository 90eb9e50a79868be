# with statements: CALL events for __enter__/__exit__, their PY_START/PY_RETURN, LINE and branch
# events of the exit path, with and without an exception being suppressed.
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

class Ctx:
    def __init__(self, suppress):
        self.suppress = suppress

    def __enter__(self):
        return 'resource'

    def __exit__(self, et, ev, tb):
        return self.suppress

def use(suppress, fail):
    with Ctx(suppress) as r:
        if fail:
            raise KeyError(r)
        x = 1
    return 'after'

def show_arg(v):
    if isinstance(v, Ctx):
        return 'Ctx(' + str(v.suppress) + ')'
    return show(v)

def on_call(code, offset, func, arg0):
    if code.co_name == 'use':
        log.append(('CALL', code.co_name, line_of(code, offset), (show(func), show_arg(arg0))))

EVENTS = (E.LINE | E.BRANCH_LEFT | E.BRANCH_RIGHT | E.JUMP | E.PY_START | E.PY_RETURN
          | E.RAISE | E.RERAISE | E.EXCEPTION_HANDLED | E.PY_UNWIND)
mon.use_tool_id(TOOL, 'with')
register(TOOL, EVENTS)
mon.register_callback(TOOL, E.CALL, on_call)
for suppress, fail in ((False, False), (True, True), (False, True)):
    log.append('use suppress=' + str(suppress) + ' fail=' + str(fail))
    mon.set_events(TOOL, EVENTS | E.CALL)
    try:
        use(suppress, fail)
    except KeyError:
        pass
    mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()

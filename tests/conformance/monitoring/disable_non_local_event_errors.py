# Returning DISABLE from a non-local event (RAISE, RERAISE, EXCEPTION_HANDLED, PY_UNWIND,
# PY_THROW, C_RETURN, C_RAISE) raises ValueError at the event site and removes the callback.
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

def raiser():
    try:
        raise KeyError('k')
    except KeyError:
        raise

def gen():
    yield 1

def c_call():
    return len('abc')

def c_fail():
    return int('z')

def run_case(name, ev, action):
    def cb(*args):
        if args[0].co_filename != HERE:
            return None
        log.append('callback ' + name)
        return mon.DISABLE
    mon.register_callback(TOOL, ev, cb)
    mon.set_events(TOOL, E.CALL if ev in (E.C_RETURN, E.C_RAISE) else ev)
    try:
        action()
        log.append('no exception')
    except Exception as e:
        log.append(type(e).__name__ + ': ' + str(e))
        ctx = e.__context__
        if ctx is not None:
            log.append('  context ' + type(ctx).__name__)
    mon.set_events(TOOL, 0)
    still = mon.register_callback(TOOL, ev, None)
    log.append('  callback still registered: ' + str(still is cb))

def throw_into():
    g = gen()
    next(g)
    g.throw(IndexError('i'))

mon.use_tool_id(TOOL, 'bad-disable')
run_case('RAISE', E.RAISE, raiser)
run_case('RERAISE', E.RERAISE, raiser)
run_case('EXCEPTION_HANDLED', E.EXCEPTION_HANDLED, raiser)
run_case('PY_UNWIND', E.PY_UNWIND, raiser)
run_case('PY_THROW', E.PY_THROW, throw_into)
run_case('C_RETURN', E.C_RETURN, c_call)
run_case('C_RAISE', E.C_RAISE, c_fail)
mon.free_tool_id(TOOL)
dump()

# PY_THROW in detail: throw() into a suspended generator (instance and class form), into a
# generator that has not started (PY_THROW at the def line, no handler events), into a
# finished one (no generator events), and throw() of StopIteration, which the generator's
# implicit handler turns into RuntimeError.
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

def gen():
    try:
        yield 1
    except ValueError as e:
        yield 'handled ' + str(e)
    yield 2

def on(kind):
    def cb(code, offset, exc):
        if code.co_filename == HERE:
            log.append((kind, code.co_name, line_of(code, offset), show(exc)))
    return cb

mon.use_tool_id(TOOL, 'py-throw')
for kind in ('PY_THROW', 'RAISE', 'PY_UNWIND', 'EXCEPTION_HANDLED', 'RERAISE'):
    mon.register_callback(TOOL, getattr(E, kind), on(kind))
ALL = E.PY_THROW | E.RAISE | E.PY_UNWIND | E.EXCEPTION_HANDLED | E.RERAISE

def attempt(label, g, exc):
    log.append(label)
    mon.set_events(TOOL, ALL)
    try:
        r = g.throw(exc)
        log.append('  returned ' + show(r))
    except BaseException as e:
        log.append('  raised ' + show(e))
    mon.set_events(TOOL, 0)

g1 = gen()
next(g1)
attempt('instance into suspended generator', g1, ValueError('v'))
attempt('class into generator suspended inside its except block', g1, KeyError)
attempt('into unstarted generator', gen(), ValueError('early'))
attempt('into finished generator', g1, ValueError('late'))
g2 = gen()
next(g2)
attempt('StopIteration thrown in', g2, StopIteration('s'))
mon.free_tool_id(TOOL)
dump()

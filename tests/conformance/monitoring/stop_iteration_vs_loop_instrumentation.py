# CPython quirk: the STOP_ITERATION event of a `for` loop exhausting a generator comes from the
# loop's specialized fast path, so it is not reported while LINE, BRANCH_* or INSTRUCTION
# events instrument that loop; `yield from` reports it in every case.
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

def gen(n):
    for i in range(n):
        yield i
    return 'done'

def loop():
    for x in gen(2):
        pass

def delegate():
    yield from gen(1)

def comp():
    return [x for x in gen(2)]

def on_stop(code, offset, value):
    log.append(('STOP_ITERATION', code.co_name, line_of(code, offset), show(value)))

mon.use_tool_id(TOOL, 'stop-iteration-quirk')
mon.register_callback(TOOL, E.STOP_ITERATION, on_stop)
mon.set_events(TOOL, E.STOP_ITERATION)

def run_all(label):
    log.append(label)
    loop()
    for v in delegate():
        pass
    comp()

run_all('STOP_ITERATION only')
for extra_name, extra in (('BRANCH_LEFT|BRANCH_RIGHT', E.BRANCH_LEFT | E.BRANCH_RIGHT),
                          ('LINE', E.LINE), ('INSTRUCTION', E.INSTRUCTION), ('JUMP', E.JUMP)):
    for fn in (loop, delegate, comp):
        mon.set_local_events(TOOL, fn.__code__, extra)
    run_all('plus local ' + extra_name)
    for fn in (loop, delegate, comp):
        mon.set_local_events(TOOL, fn.__code__, 0)
run_all('STOP_ITERATION only again')
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()

# Local events belong to a code object, not a function object: every closure created from the
# same nested `def` shares its code, so local events set through one closure apply to all of
# them, while the enclosing function is unaffected.
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

def make_adder(n):
    def add(x):
        return x + n
    return add

add1 = make_adder(1)
add5 = make_adder(5)
print('same code object:', add1.__code__ is add5.__code__)

mon.use_tool_id(TOOL, 'closure-code')
register(TOOL, E.PY_START | E.PY_RETURN | E.LINE)
mon.set_local_events(TOOL, add1.__code__, E.PY_START | E.PY_RETURN | E.LINE)
add1(10)
add5(10)
add10 = make_adder(10)
add10(1)
log.append(('add5 local events', mon.get_local_events(TOOL, add5.__code__)))
log.append(('make_adder local events', mon.get_local_events(TOOL, make_adder.__code__)))
mon.set_local_events(TOOL, add5.__code__, 0)
add1(0)
log.append('after clearing through add5: nothing for add1 either')
mon.free_tool_id(TOOL)
dump()

# CALL arg0 for builtin forms: unbound methods called through the type (list.append(lst, x)),
# bound builtin methods stored in variables (not unpacked: arg0 is the first argument),
# keyword-only calls, builtin types called with no arguments, and method calls on literals.
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

def run():
    lst = [1]
    list.append(lst, 2)
    push = lst.append
    push(3)
    d = {'k': 1}
    d.get('k')
    getter = d.get
    getter('x', 0)
    str.upper('abc')
    '-'.join(['a', 'b'])
    [3, 1].index(1)
    print(end='')
    print('a', 'b', sep='', end='\n')
    int()
    dict(a=1, b=2)
    sorted([2, 1], reverse=True)
    return lst

def on_call(code, offset, func, arg0):
    if code.co_name == 'run':
        log.append(('CALL', line_of(code, offset), func.__name__, show(arg0)))

def on_c_return(code, offset, func, arg0):
    if code.co_name == 'run':
        log.append(('C_RETURN', line_of(code, offset), func.__name__, show(arg0)))

mon.use_tool_id(TOOL, 'builtin-forms')
mon.register_callback(TOOL, E.CALL, on_call)
mon.register_callback(TOOL, E.C_RETURN, on_c_return)
mon.set_events(TOOL, E.CALL | E.C_RETURN | E.C_RAISE)
result = run()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()
print(result)

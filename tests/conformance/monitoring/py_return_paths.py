# PY_RETURN line and value for every way out of a function: implicit, early, in loops, in try/finally, in with.
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
    def __enter__(self):
        return self
    def __exit__(self, *args):
        return False

def implicit(flag):
    if flag:
        x = 1
    else:
        x = 2

def early(n):
    for i in range(10):
        if i == n:
            return i
    return -1

def in_while(n):
    while True:
        n -= 1
        if n < 0:
            return 'done'

def in_finally():
    try:
        return 'try'
    finally:
        z = 0

def in_except():
    try:
        return 1 // 0
    except ZeroDivisionError:
        return 'except'

def in_with():
    with Ctx():
        return 'with'

def conditional_expr(v):
    return 'yes' if v else 'no'

def nested_def():
    def inner():
        return 'inner'
    return inner()

WATCH = ('implicit', 'early', 'in_while', 'in_finally', 'in_except', 'in_with',
         'conditional_expr', 'nested_def', 'inner')

def on_return(code, offset, value):
    if code.co_name in WATCH:
        log.append(('PY_RETURN', code.co_name, line_of(code, offset), show(value)))

mon.use_tool_id(TOOL, 'returns')
mon.register_callback(TOOL, E.PY_RETURN, on_return)
mon.set_events(TOOL, E.PY_RETURN)
implicit(True)
implicit(False)
early(3)
early(20)
in_while(2)
in_finally()
in_except()
in_with()
conditional_expr(1)
conditional_expr(0)
nested_def()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()

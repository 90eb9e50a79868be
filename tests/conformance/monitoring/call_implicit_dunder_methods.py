# Special methods invoked implicitly by operators, len(), iteration, str(), f-strings, comparisons
# and truth tests run Python code (PY_START/PY_RETURN) without a CALL event of their own.
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

class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return Vec(self.x + other.x)
    def __eq__(self, other):
        return self.x == other.x
    def __len__(self):
        return self.x
    def __bool__(self):
        return self.x != 0
    def __getitem__(self, i):
        if i >= self.x:
            raise IndexError(i)
        return i
    def __str__(self):
        return 'Vec' + str(self.x)
    def __format__(self, spec):
        return 'fmt' + spec
    def __contains__(self, item):
        return item == 1

def run():
    a = Vec(1)
    b = a + Vec(2)
    same = a == b
    n = len(b)
    if b:
        pass
    items = [i for i in Vec(2)]
    s = str(a)
    f = f'{a:>3}'
    hit = 1 in a
    return same, n, items, s, f, hit

WATCH = ('run',)

def on_call(code, offset, func, arg0):
    if code.co_name == 'run':
        log.append(('CALL', line_of(code, offset), func.__name__))

def on_start(code, offset):
    if code.co_name != 'run':
        log.append(('  PY_START', code.co_name))

mon.use_tool_id(TOOL, 'dunders')
mon.register_callback(TOOL, E.CALL, on_call)
mon.register_callback(TOOL, E.PY_START, on_start)
mon.set_events(TOOL, E.CALL | E.PY_START)
result = run()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()
print(result)

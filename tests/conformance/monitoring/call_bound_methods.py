# CALL for methods: callable is the plain function and arg0 is self, even for stored bound methods.
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

class Counter:
    def __init__(self, start):
        self.n = start

    def bump(self, by=1):
        self.n += by
        return self.n

    @classmethod
    def make(cls, v):
        return cls(v)

    @staticmethod
    def helper(x, y):
        return x + y

    @property
    def double(self):
        return self.n * 2

    def __repr__(self):
        return 'Counter(' + str(self.n) + ')'

def show_arg(v):
    if isinstance(v, Counter):
        return repr(v)
    if isinstance(v, type):
        return 'class ' + v.__name__
    return show(v)

def run():
    c = Counter(1)
    c.bump()
    c.bump(5)
    m = c.bump
    m(2)
    Counter.bump(c, 3)
    d = Counter.make(10)
    c.make(4)
    Counter.helper(1, 2)
    c.helper(3, 4)
    v = c.double
    s = 'abc'
    s.upper()
    'x-y'.split('-')
    lst = [3, 1]
    lst.sort()
    lst.append(c.n)
    return d

def on_call(code, offset, func, arg0):
    if code.co_name == 'run':
        log.append(('CALL', code.co_name, line_of(code, offset), (show(func), show_arg(arg0))))

mon.use_tool_id(TOOL, 'methods')
mon.register_callback(TOOL, E.CALL, on_call)
mon.set_events(TOOL, E.CALL)
run()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()

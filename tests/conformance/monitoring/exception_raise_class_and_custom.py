# `raise Cls` instantiates the class without a CALL event, `raise Cls(...)` has one; custom
# exception classes with __init__/__str__ run Python code (PY_START) during raise and str().
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

class AppError(Exception):
    def __init__(self, code):
        super().__init__('code ' + str(code))
        self.code = code

class Quiet(Exception):
    pass

def raise_class():
    raise Quiet

def raise_instance():
    raise AppError(7)

def raise_builtin_class():
    raise KeyError

def run():
    out = []
    for fn in (raise_class, raise_instance, raise_builtin_class):
        try:
            fn()
        except Exception as e:
            out.append(type(e).__name__)
    return out

def on_call(code, offset, func, arg0):
    if code.co_filename == HERE and code.co_name != '<module>':
        log.append(('CALL', code.co_name, line_of(code, offset), func.__name__, show(arg0)))

def on_start(code, offset):
    if code.co_filename == HERE:
        log.append(('PY_START', code.co_name))

def on_raise(code, offset, exc):
    if code.co_filename == HERE:
        log.append(('RAISE', code.co_name, line_of(code, offset), show(exc)))

mon.use_tool_id(TOOL, 'raise-forms')
mon.register_callback(TOOL, E.CALL, on_call)
mon.register_callback(TOOL, E.PY_START, on_start)
mon.register_callback(TOOL, E.RAISE, on_raise)
mon.set_events(TOOL, E.CALL | E.PY_START | E.RAISE)
result = run()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()
print(result)

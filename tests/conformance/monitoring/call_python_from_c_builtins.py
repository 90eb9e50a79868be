# Python functions called back from C builtins (sorted key, map, filter, min/max key): they get
# PY_START/PY_RETURN but no CALL event; an exception in such a function unwinds through the
# builtin (C_RAISE) into the caller.
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

def key_len(s):
    return len(s)

def double(x):
    return x * 2

def positive(x):
    return x > 0

def bad_key(x):
    if x == 'boom':
        raise ValueError('bad key ' + x)
    return x

def run():
    a = sorted(['ccc', 'a', 'bb'], key=key_len)
    b = list(map(double, [1, 2]))
    c = list(filter(positive, [-1, 3]))
    d = max([1, 5, 3], key=double)
    try:
        sorted(['x', 'boom'], key=bad_key)
    except ValueError as e:
        pass
    return a, b, c, d

EVENTS = (E.CALL | E.C_RETURN | E.C_RAISE | E.PY_START | E.PY_RETURN | E.PY_UNWIND | E.RAISE
          | E.EXCEPTION_HANDLED)
mon.use_tool_id(TOOL, 'c-callbacks')
register(TOOL, EVENTS)
mon.set_events(TOOL, EVENTS)
result = run()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
dump()
print(result)

# restart_events(): returns None, works with no tool in use, re-enables every DISABLEd location
# of every tool (global and local events), and does not change any tool's event sets.
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

def f():
    x = 1
    return x

def g():
    return 2

hits = []

def disabler(tag):
    def cb(code, *args):
        if code.co_name in ('f', 'g'):
            hits.append((tag, code.co_name))
            return mon.DISABLE
    return cb

print('restart with no tools:', mon.restart_events())
mon.use_tool_id(1, 'one')
mon.use_tool_id(2, 'two')
mon.register_callback(1, E.PY_START, disabler('t1 start'))
mon.register_callback(2, E.LINE, disabler('t2 line'))
mon.register_callback(2, E.PY_RETURN, disabler('t2 return'))
mon.set_events(1, E.PY_START)
mon.set_local_events(2, f.__code__, E.LINE | E.PY_RETURN)
for i in range(2):
    f()
    g()
print('first round ', hits)
hits.clear()
f()
g()
print('all disabled', hits)
print('restart:', mon.restart_events())
print('events unchanged', mon.get_events(1), mon.get_events(2), mon.get_local_events(2, f.__code__))
f()
g()
print('after restart', hits)
hits.clear()
mon.restart_events()
mon.restart_events()
f()
print('restart twice', hits)
mon.set_events(1, 0)
mon.set_local_events(2, f.__code__, 0)
mon.free_tool_id(1)
mon.free_tool_id(2)
mon.restart_events()

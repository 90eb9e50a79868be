# Profiler pattern: PY_START / PY_RETURN / PY_UNWIND (plus PY_YIELD / PY_RESUME for generators)
# maintain a stack and build an indented call tree and per-function call counts.
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

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def fails(n):
    if n == 0:
        raise ValueError('bottom')
    fails(n - 1)

def squares(n):
    for i in range(n):
        yield i * i

def main():
    total = fib(4)
    try:
        fails(2)
    except ValueError:
        total += 1
    total += sum(squares(3))
    return total

stack = []
tree = []
counts = {}

def enter(code, offset):
    if code.co_filename != HERE:
        return None
    tree.append('  ' * len(stack) + code.co_name)
    stack.append(code.co_name)

def resume(code, offset):
    if code.co_filename != HERE:
        return None
    tree.append('  ' * len(stack) + code.co_name + ' (resumed)')
    stack.append(code.co_name)

def leave(code, offset, value):
    if code.co_filename != HERE:
        return None
    top = stack.pop()
    if top != code.co_name:
        tree.append('MISMATCH ' + top + ' ' + code.co_name)
    counts[code.co_name] = counts.get(code.co_name, 0) + 1

P = mon.PROFILER_ID
mon.use_tool_id(P, 'profiler')
mon.register_callback(P, E.PY_START, enter)
mon.register_callback(P, E.PY_RESUME, resume)
mon.register_callback(P, E.PY_RETURN, leave)
mon.register_callback(P, E.PY_YIELD, leave)
mon.register_callback(P, E.PY_UNWIND, leave)
mon.set_events(P, E.PY_START | E.PY_RESUME | E.PY_RETURN | E.PY_YIELD | E.PY_UNWIND)
result = main()
mon.set_events(P, 0)
mon.free_tool_id(P)
for entry in tree:
    print(entry)
print('stack left', stack)
print('result', result)
for name in sorted(counts):
    print(name, counts[name])

# INSTRUCTION events, reported by line only: consecutive instructions on the same line are
# collapsed into one entry, so the output is the sequence of lines the instructions walk through.
# LINE events are recorded too, showing that LINE comes before the first INSTRUCTION of a line.
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

def work(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
    squares = [
        i * i
        for i in range(2)
    ]
    return (total,
            squares)

trace = []

def on_instruction(code, offset):
    entry = ('I', code.co_name, line_of(code, offset))
    if not trace or trace[-1] != entry:
        trace.append(entry)

def on_line(code, line):
    trace.append(('LINE', code.co_name, line))

mon.use_tool_id(TOOL, 'instructions')
mon.register_callback(TOOL, E.INSTRUCTION, on_instruction)
mon.register_callback(TOOL, E.LINE, on_line)
mon.set_local_events(TOOL, work.__code__, E.INSTRUCTION | E.LINE)
result = work(3)
mon.set_local_events(TOOL, work.__code__, 0)
mon.free_tool_id(TOOL)
for entry in trace:
    print(entry)
print(result)

# Line-profiler pattern: local LINE events on one function count how many times each line runs
# (no DISABLE); a second tool counts the same function's branch outcomes per source line.
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

def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

line_hits = {}
branch_hits = {}

def on_line(code, line):
    line_hits[line] = line_hits.get(line, 0) + 1

def on_branch(kind):
    def cb(code, src, dest):
        key = (line_of(code, src), kind)
        branch_hits[key] = branch_hits.get(key, 0) + 1
    return cb

mon.use_tool_id(mon.PROFILER_ID, 'line-profiler')
mon.use_tool_id(mon.COVERAGE_ID, 'branch-counter')
mon.register_callback(mon.PROFILER_ID, E.LINE, on_line)
mon.register_callback(mon.COVERAGE_ID, E.BRANCH_LEFT, on_branch('L'))
mon.register_callback(mon.COVERAGE_ID, E.BRANCH_RIGHT, on_branch('R'))
mon.set_local_events(mon.PROFILER_ID, collatz_steps.__code__, E.LINE)
mon.set_local_events(mon.COVERAGE_ID, collatz_steps.__code__, E.BRANCH_LEFT | E.BRANCH_RIGHT)
results = [collatz_steps(n) for n in (6, 7, 1)]
mon.set_local_events(mon.PROFILER_ID, collatz_steps.__code__, 0)
mon.set_local_events(mon.COVERAGE_ID, collatz_steps.__code__, 0)
mon.free_tool_id(mon.PROFILER_ID)
mon.free_tool_id(mon.COVERAGE_ID)
print('results', results)
for line in sorted(line_hits):
    print('line', line, 'hits', line_hits[line])
for key in sorted(branch_hits):
    print('branch', key, branch_hits[key])

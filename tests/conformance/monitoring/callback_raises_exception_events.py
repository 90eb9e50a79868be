# Callbacks raising from exception-related events: a RAISE callback's exception replaces the one
# being raised (its __context__ stays None); raising from EXCEPTION_HANDLED escapes the handler;
# raising from PY_YIELD / STOP_ITERATION surfaces in the generator or its consumer.
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

class CbError(Exception):
    pass

def raises_key():
    try:
        raise KeyError('original')
    except KeyError:
        return 'handled KeyError'
    except CbError as e:
        return 'got CbError, context ' + type(e.__context__).__name__

def handled():
    try:
        1 // 0
    except ZeroDivisionError:
        return 'handler ran'

def gen():
    yield 1
    yield 2

def consume():
    out = []
    try:
        for v in gen():
            out.append(v)
    except CbError as e:
        out.append('caught ' + str(e))
    return out

def make_raiser(label, only):
    def cb(code, offset, *rest):
        if code.co_name == only:
            raise CbError(label)
    return cb

def attempt(label, ev, only, fn):
    mon.register_callback(TOOL, ev, make_raiser(label, only))
    mon.set_events(TOOL, ev)
    try:
        r = fn()
    except CbError as e:
        r = 'escaped ' + str(e)
    mon.set_events(TOOL, 0)
    mon.register_callback(TOOL, ev, None)
    print(label, '->', r)

mon.use_tool_id(TOOL, 'raising-exc-events')
attempt('RAISE', E.RAISE, 'raises_key', raises_key)
attempt('EXCEPTION_HANDLED', E.EXCEPTION_HANDLED, 'handled', handled)
attempt('PY_YIELD', E.PY_YIELD, 'gen', consume)
attempt('STOP_ITERATION', E.STOP_ITERATION, 'consume', consume)
attempt('PY_RESUME', E.PY_RESUME, 'gen', consume)
mon.free_tool_id(TOOL)

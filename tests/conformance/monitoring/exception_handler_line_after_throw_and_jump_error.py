# Where an exception handler's first LINE event comes from: after a throw() into a
# suspended generator (the frame stands at the RESUME after its yield, so the handler's
# LINE fires even on the yield's own line), and after a JUMP callback raises (the
# handler search starts at the jump's destination). Also the lasti a handler re-raises
# with, seen through the traceback line.
import sys
mon = sys.monitoring
E = mon.events
TOOL = 2
log = []

def line_of(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None

HERE = line_of.__code__.co_filename

def on_line(code, line):
    if code.co_filename == HERE and code.co_name != 'on_jump':
        log.append(('LINE', code.co_name, line))

armed = [False]
def on_jump(code, src, dest):
    if code.co_filename != HERE:
        return
    log.append(('JUMP', code.co_name, line_of(code, src), line_of(code, dest)))
    if armed[0]:
        armed[0] = False
        raise KeyError('from jump callback')

def on_raise(code, offset, exc):
    if code.co_filename == HERE:
        log.append(('RAISE', code.co_name, line_of(code, offset), type(exc).__name__))

def on_handled(code, offset, exc):
    if code.co_filename == HERE:
        log.append(('EXCEPTION_HANDLED', code.co_name, line_of(code, offset), type(exc).__name__))

def gen():
    try: yield 1; yield 2
    except ValueError: yield 'caught'

def loop_with_handler(n):
    total = 0
    try:
        for i in range(n):
            total += i
    except KeyError as e:
        total = -1
    return total

def inner_generator_reraises():
    def g():
        try:
            yield 1
        finally:
            pass
    it = g()
    next(it)
    try:
        it.throw(IndexError('thrown'))
    except IndexError as e:
        tb = e.__traceback__
        lines = []
        while tb is not None:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        return lines

mon.use_tool_id(TOOL, 'handler-lines')
mon.register_callback(TOOL, E.LINE, on_line)
mon.register_callback(TOOL, E.JUMP, on_jump)
mon.register_callback(TOOL, E.RAISE, on_raise)
mon.register_callback(TOOL, E.EXCEPTION_HANDLED, on_handled)
mon.set_events(TOOL, E.LINE | E.JUMP | E.RAISE | E.EXCEPTION_HANDLED)

g = gen()
first = next(g)
second = g.throw(ValueError('in'))
armed[0] = True
result = loop_with_handler(3)
lines = inner_generator_reraises()

mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
for entry in log:
    print(entry)
print(first, second, result, lines)

# LINE, INSTRUCTION and CALL events live at object instructions inside compiled code
# (attribute loads and stores, subscripts, containers, keyword calls): compiled code
# fires them through its probes exactly as the interpreter does.
import sys

mon = sys.monitoring
E = mon.events
mon.use_tool_id(3, "objects")
log = []


class Cell:
    def __init__(self, v):
        self.v = v


def kw(a, b=0):
    return a - b


def work(n):
    c = Cell(0)
    xs = [0, 1, 2]
    for i in range(n):
        c.v = c.v + xs[i % 3]
        xs[i % 3] = kw(a=i, b=c.v)
        d = {"i": i, "t": (i, c.v)}
    return c.v, xs, d


def record(kind):
    def cb(code, offset, *rest):
        if code.co_name == "work":
            log.append((kind, offset))
    return cb


mon.register_callback(3, E.LINE, lambda code, line: log.append(("line", line - work.__code__.co_firstlineno)) if code.co_name == "work" else None)
mon.register_callback(3, E.INSTRUCTION, record("instr"))
mon.register_callback(3, E.CALL, record("call"))

print(work(50))
mon.set_local_events(3, work.__code__, E.LINE | E.INSTRUCTION | E.CALL)
print(work(4))
mon.set_local_events(3, work.__code__, E.LINE)
print(work(3))
mon.set_local_events(3, work.__code__, 0)
mon.free_tool_id(3)
print(len(log))
for entry in log:
    print(entry)

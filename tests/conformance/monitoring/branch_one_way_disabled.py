# A coverage tool DISABLEs every event it sees; branches that went one way for a long
# time keep the other direction's event live, and it must fire (once) when the
# branch finally goes that way: for `if flag`, `if not flag`, `if x is None` and
# `if x is not None`.
import sys

mon = sys.monitoring
E = mon.events
TOOL = mon.COVERAGE_ID
events = []


def line_of(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line - code.co_firstlineno
    return None


def on_branch(name):
    def cb(code, offset, dest):
        if code.co_name == "work":
            events.append((name, line_of(code, offset), line_of(code, dest)))
        return mon.DISABLE
    return cb


def work(n, turn):
    total = 0
    for i in range(n):
        flag = i == turn
        x = None if i != turn else i
        if flag:
            total += 100
        if not flag:
            total += 1
        if x is None:
            total += 2
        if x is not None:
            total += 1000
    return total


mon.use_tool_id(TOOL, "cov")
mon.register_callback(TOOL, E.BRANCH_LEFT, on_branch("LEFT"))
mon.register_callback(TOOL, E.BRANCH_RIGHT, on_branch("RIGHT"))
mon.set_events(TOOL, E.BRANCH_LEFT | E.BRANCH_RIGHT)
print(work(2000, -1))
print(sorted(set(events)))
events.clear()
print(work(2000, 1500))
print(sorted(set(events)))
events.clear()
print(work(50, 7), events)
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)

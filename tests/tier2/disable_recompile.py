# A coverage-style tool: LINE events, each location DISABLEd by its first callback.
# The compiled version's probes die one location after another without a deopt, and
# it is replaced at a later entry (--jit-stats: a batched recompile after DISABLE).
import sys

mon = sys.monitoring
TOOL = 3
seen = []


def on_line(code, line):
    seen.append(line - work.__code__.co_firstlineno)
    return mon.DISABLE


def work(n):
    total = 0
    for i in range(n):
        if i % 3:
            total += i
        else:
            total -= 1
    return total


mon.use_tool_id(TOOL, "coverage")
mon.register_callback(TOOL, mon.events.LINE, on_line)
mon.set_local_events(TOOL, work.__code__, mon.events.LINE)
results = [work(k) for k in range(20)]
print(results[-1], sorted(set(seen)), len(seen))
mon.set_local_events(TOOL, work.__code__, 0)
mon.free_tool_id(TOOL)

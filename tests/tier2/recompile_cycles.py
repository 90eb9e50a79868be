# 10,000 toggle-and-recompile cycles of one function: each toggle of its LINE events
# invalidates its compiled version and the next call compiles the new probe set.
# Replaced versions must be freed (`versions alive` in --jit-stats stays small).
import sys

mon = sys.monitoring
mon.use_tool_id(3, "cycles")
lines = [0]


def on_line(code, line):
    lines[0] += 1


def f(x):
    y = x + 1
    return y * 2


mon.register_callback(3, mon.events.LINE, on_line)
total = 0
for k in range(10000):
    mon.set_local_events(3, f.__code__, mon.events.LINE if k % 2 == 0 else 0)
    total += f(k)
    total += f(k)
print(total, lines[0])

# Monitoring switched on from a callee while a compiled loop runs: the compiled frame
# must leave to the interpreter right after the call, which then reports every LINE.
import sys

mon = sys.monitoring
seen = []


def on_line(code, line):
    seen.append((code.co_name, line))


def turn_on():
    if mon.get_tool(1) is None:
        mon.use_tool_id(1, "t")
    mon.register_callback(1, mon.events.LINE, on_line)
    mon.set_events(1, mon.events.LINE)


def turn_off():
    mon.set_events(1, 0)


def work(n):
    total = 0
    for i in range(n):
        if i == 3:
            turn_on()
        if i == 6:
            turn_off()
        total += i
    return total


def plain(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


print(plain(10))
print(work(10))
print(seen)
print(plain(10), work(5))
print(len(seen))

# On-stack replacement: each function is called once and its loop gets hot (the test
# runs this with --jit-threshold 50), so it continues compiled from a loop header.
import sys

mon = sys.monitoring
seen = []


def while_loop(n):
    # The header of a while loop: an empty value stack.
    i = 0
    s = 0
    while i < n:
        s += i * 3 % 7
        i += 1
    return s


def nested_for(n):
    # Headers of for loops: the iterators are on the value stack (one, then two).
    t = 0
    for i in range(n):
        for j in range(n):
            t += (i ^ j) & 15
    return t


def overflow(n):
    # Small ints overflow into big ints after the entry.
    x = 1
    for i in range(n):
        x = x * 3 + i
    if x > 2 ** 100:
        return x % 1000003
    return -1


def early_return(items):
    # Returns from inside the loop (with the iterator still on the stack).
    for v in items:
        if v == 77:
            return v * 2
    return -1


def turn_on():
    mon.use_tool_id(2, "osr")
    mon.register_callback(2, mon.events.LINE, lambda code, line: seen.append((code.co_name, line)))
    mon.set_events(2, mon.events.LINE)


def toggled(n):
    # The 50th back-edge enters compiled code, whose first iteration switches LINE
    # events on: it deoptimises right after the call.
    total = 0
    for i in range(n):
        if i == 50:
            turn_on()
        total += i
    return total


print(while_loop(300))
print(nested_for(40))
print(overflow(200))
print(early_return(list(range(100))))
print(toggled(60))
mon.set_events(2, 0)
print(len(seen), seen[:6], seen[-3:])

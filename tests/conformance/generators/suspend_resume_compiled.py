# Generators under tier 2: compiled code leaves at each yield (the interpreter
# suspends the frame) and is entered again past the RESUME that follows when the
# generator resumes; SEND (yield from) runs compiled. tests/tier2.rs runs this under
# every tier and checks the generator functions compile (the conformance suite
# checks its output against CPython 3.14).
import sys

mon = sys.monitoring


def count(n):
    for i in range(n):
        yield i * 2


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def accumulate(n):
    total = 0
    for k in range(n):
        x = yield total
        if x is not None:
            total += x
    return total


def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("finally runs")


def delegate():
    r = yield from accumulate(3)
    yield from [r, r + 1]
    yield from count(2)
    return "delegated"


def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def big_ints(n):
    x = 1
    for _ in range(n):
        x = x * 3
        yield x


def events_mid_iteration():
    # PY_YIELD and PY_RESUME switched on for this generator while it is suspended
    # (its compiled version has no probes for them), and off again.
    seen = []
    tool = 3
    mon.use_tool_id(tool, "gen-test")

    def on_yield(code, offset, value):
        seen.append(("yield", code.co_name, value))

    def on_resume(code, offset):
        seen.append(("resume", code.co_name))

    mon.register_callback(tool, mon.events.PY_YIELD, on_yield)
    mon.register_callback(tool, mon.events.PY_RESUME, on_resume)
    g = count(8)
    out = [next(g), next(g)]
    mon.set_local_events(tool, count.__code__, mon.events.PY_YIELD | mon.events.PY_RESUME)
    out += [next(g), next(g)]
    mon.set_local_events(tool, count.__code__, 0)
    out += list(g)
    mon.free_tool_id(tool)
    print("events", out, seen)


print(sum(count(20000)))
out = []
for v in fib_gen():
    if v > 10**40:
        break
    out.append(v)
print(len(out), out[-1])
g = accumulate(5)
print(next(g), [g.send(v) for v in (10, 20, 30, 40)])
try:
    g.send(99)
except StopIteration as e:
    print("returned", e.value)
t = guarded()
print(next(t), t.throw(ValueError("boom")))
t.close()
d = delegate()
print(next(d), d.send(1), d.send(2), d.send(3), list(d))
print(list(tree(3)))
print(sum(x % 1000 for x in big_ints(200)))
print(sorted((x for x in count(50) if x % 3 == 0), reverse=True)[:5])
events_mid_iteration()

# FOR_ITER over range and list iterators, which compiled code steps inline: values
# at the small-int boundary, steps of every sign, lists that change while iterated,
# iterators exhausted for good, list subclasses, and one FOR_ITER that sees ranges,
# lists, tuples and generators in turn. Then BRANCH events switched on mid-loop.
import sys


def total(it):
    s = 0
    n = 0
    for x in it:
        s += x
        n += 1
    return s, n


def main():
    big = 2 ** 47
    print(total(range(10)))
    print(total(range(big - 3, big + 3)))
    print(total(range(-big - 3, -big + 3)))
    print(total(range(2 ** 62, 2 ** 62 + 5)))
    print(total(range(10, -10, -3)))
    print(total(range(0)), total(range(5, 1)), total(range(0, 10 ** 20, 10 ** 19)))
    print(total(range(big - 1, big + 1)))

    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if len(xs) < 6:
            xs.append(x * 10)
    print(seen)
    ys = [1, 2, 3, 4, 5, 6]
    out = []
    for y in ys:
        out.append(y)
        ys.pop()
    print(out, ys)
    zs = [1, 2, 3]
    out = []
    for z in zs:
        out.append(z)
        zs.clear()
    print(out, zs)

    lst = [4, 5]
    it = iter(lst)
    print(total(it))
    lst.append(6)
    print(total(it), list(it))

    class L(list):
        pass

    print(total(L([7, 8, 9])))
    print(total((1, 2, 3)), total("") if False else 0)

    def gen(n):
        for k in range(n):
            yield k * 2

    for arg in [range(4), [1, 2], (3, 4), gen(3), range(2 ** 48, 2 ** 48 + 2), [1.5, 2.5], range(3)]:
        print(type(arg).__name__, total(arg))

    found = None
    for i in range(100):
        if i * i > 50:
            found = i
            break
    else:
        found = -1
    print(found)
    for i in []:
        print("never")
    else:
        print("empty else")

    objs = [object() for _ in range(3)]
    count = 0
    for _ in range(200):
        for o in objs:
            count += o is not None
    print(count)

    mon = sys.monitoring
    tool = 3
    mon.use_tool_id(tool, "steps")
    lines = {}
    code = branchy.__code__
    offset_line = {}
    for start, end, line in code.co_lines():
        for off in range(start, end, 2):
            offset_line[off] = line
    first = code.co_firstlineno

    def on_branch(code_, src, dest):
        if code_ is code:
            key = (offset_line.get(src, 0) - first, offset_line.get(dest, 0) - first)
            lines[key] = lines.get(key, 0) + 1

    mon.register_callback(tool, mon.events.BRANCH_LEFT, on_branch)
    mon.register_callback(tool, mon.events.BRANCH_RIGHT, on_branch)
    print(branchy(list(range(30)), 10, lambda: mon.set_local_events(tool, code, mon.events.BRANCH_LEFT | mon.events.BRANCH_RIGHT)))
    for k in sorted(lines):
        print("branch", k, lines[k])
    mon.set_local_events(tool, code, 0)
    mon.free_tool_id(tool)


def branchy(xs, at, switch_on):
    s = 0
    for x in xs:
        if x == at:
            switch_on()
        s += x
    for r in range(5):
        s += r
    return s


main()

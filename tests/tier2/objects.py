# Object instructions tier 2 runs through runtime helpers (tests/tier2.rs checks the
# functions compile and the output is the interpreter's): attributes (instance
# cache, methods, properties, modules), subscripts, containers, comprehensions,
# unpacking, closures, keyword calls, f-strings, imports, `with`, and errors raised
# inside compiled code (with the lines of their tracebacks).
import math


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    @property
    def swapped(self):
        return Point(self.y, self.x)


class Slotless:
    pass


def attrs(n):
    p = Point(1, 2)
    total = 0
    for i in range(n):
        p.x = i
        total += p.x + p.y + p.norm2() + p.swapped.x
    return total, math.floor(2.5)


def containers(n):
    xs = [i * i for i in range(n)]
    d = {"a": 1, "b": 2}
    s = {1, 2, 3}
    t = (1, 2, 3)
    acc = 0
    for i in range(n):
        xs[i] = xs[i] + 1
        d["k" + str(i % 3)] = i
        if i in s:
            acc += 1
        a, b, c = t
        first, *rest = xs[:3]
        acc += a + b + c + first + len(rest) + xs[-1]
    squares = {k: v for k, v in d.items()}
    evens = {x for x in xs if x % 2 == 0}
    return acc, sorted(squares.items()), len(evens), xs[2:5]


def make_counter(start):
    count = start

    def bump(by=1, *, times=1):
        nonlocal count
        for _ in range(times):
            count += by
        return count

    return bump


def closures(n):
    bump = make_counter(10)
    for i in range(n):
        bump(by=2, times=3)
    return bump()


def strings(n):
    out = []
    for i in range(n):
        out.append(f"{i}:{i * 1.5:.1f}:{i!r}")
    return "|".join(out[-3:])


class Resource:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")
        return self

    def __exit__(self, *exc):
        self.log.append("exit" if exc[0] is None else "exit " + exc[0].__name__)
        return True


def withs(n):
    log = []
    for i in range(n):
        with Resource(log):
            if i == 1:
                log.append([][i])
    return log


def lines(e):
    tb = e.__traceback__
    out = []
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def errors():
    results = []
    p = Point(1, 2)
    xs = [1, 2, 3]
    for i in range(4):
        try:
            if i == 0:
                results.append(p.z)
            elif i == 1:
                results.append(xs[i + 10])
            elif i == 2:
                xs[i + 10] = 0
            else:
                results.append(Slotless().missing)
        except (AttributeError, IndexError) as e:
            results.append((type(e).__name__, str(e), lines(e)))
    return results


def module_import():
    import math as m
    from math import sqrt
    return m.sqrt(16.0) + sqrt(9.0)


print(attrs(50))
print(containers(20))
print(closures(5))
print(strings(10))
print(withs(3))
for r in errors():
    print(r)
print(module_import())

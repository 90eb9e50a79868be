# fsum is exact (Shewchuk partials, CPython's msum); prod of ints, floats, start=.
import math

def t(f, *a, **k):
    try:
        print(f.__name__, repr(f(*a, **k)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

t(math.fsum, [0.1] * 10)
print(repr(sum([0.1] * 10)))
t(math.fsum, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
t(math.fsum, [1.0, 1e100, 1.0, -1e100])
t(math.fsum, [2.0**53, -0.5, -2.0**-54])
t(math.fsum, [2.0**1023, 2.0**1023])
t(math.fsum, [1e308, 1e308, -1e308])
t(math.fsum, [math.inf, 1.0])
t(math.fsum, [math.inf, -math.inf])
t(math.fsum, [math.nan, 1.0])
t(math.fsum, [])
t(math.fsum, [1, 2, 3])
t(math.fsum, iter([0.5, 0.25, 0.125]))
t(math.fsum, (x / 7 for x in range(1000)))
t(math.fsum, [1, "a"])
t(math.fsum, 5)
t(math.fsum, [-0.0, -0.0])
t(math.fsum, [10**400])
vals = [((i * 7919) % 1000 - 500) * 10.0 ** ((i % 40) - 20) for i in range(2000)]
t(math.fsum, vals)
t(math.prod, [1, 2, 3, 4])
t(math.prod, [])
t(math.prod, [], start=5)
t(math.prod, range(1, 30))
t(math.prod, [0.5, 4, 3])
t(math.prod, [2] * 100)
t(math.prod, [1, 2], start=2.5)
t(math.prod, [[1], 2])
t(math.prod, ["a", 3])
t(math.prod, 5)
t(math.prod, [1], 2)
t(math.prod, [1], begin=2)
t(math.prod, [True, True, 3])
t(math.prod, [1e200, 1e200])

# Distribution argument errors, in CPython's order (draws happen before the failing
# operation, so the state afterwards matches too), and results with int arguments.
import random

def t(f, *a, **k):
    try:
        print(f.__name__, repr(f(*a, **k)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

random.seed(123)
for args in (("x",), (0, "x"), ("x", 1), (None, 1), (10**400, 1), (0, 10**400), (3, 2), (True, False)):
    t(random.gauss, *args)
    t(random.normalvariate, *args)
    t(random.lognormvariate, *args)
for args in ((0,), ("x",), (2**70,), (-2,), (0.5,)):
    t(random.expovariate, *args)
    t(random.paretovariate, *args)
for args in (("a", 1), (1, "a"), (-1, "a"), (0, 1), (1, 0), (2**70, 1), (-2**70, "x"), (1, None), (2, 3)):
    t(random.gammavariate, *args)
    t(random.betavariate, *args)
    t(random.weibullvariate, *args)
for args in ((0, "k"), ("m", 0), ("m", 4), (1, 4), (1, None), (2**70, 4)):
    t(random.vonmisesvariate, *args)
for args in (("a",), ("a", "b"), (0, 1, "m"), (1, 1, 1), (1, 1, 5), (2, 2), (0, 10, 10), (5, 1, 2), (0, 2**70)):
    t(random.triangular, *args)
t(random.lognormvariate, 0, 1000)
print(random.random())

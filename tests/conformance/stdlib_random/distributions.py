# Float distributions from fixed seeds: gauss (with its cached second value),
# normalvariate, expovariate, triangular, and the gamma family.
import random

def t(f, *a, **k):
    try:
        print(f.__name__, repr(f(*a, **k)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

random.seed(1)
print([random.gauss() for _ in range(4)])
print([random.gauss(10, 2) for _ in range(3)])
print(random.getstate()[2])
random.seed(1)
print(random.gauss(), random.getstate()[2])
print([random.normalvariate(0, 1) for _ in range(4)], random.normalvariate(5, 0.5))
print([random.expovariate(2) for _ in range(3)], random.expovariate())
print([random.triangular() for _ in range(3)], random.triangular(0, 10, 2), random.triangular(5, 5, 5))
print(random.lognormvariate(0, 0.5), random.paretovariate(3), random.weibullvariate(1, 1.5))
print(random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0, 0))
print([random.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0, 20.0)])
print([random.betavariate(a, b) for a, b in ((0.5, 0.5), (2, 5), (1, 1))])
r = random.Random(2)
s = 0.0
for _ in range(1000):
    s += r.gauss(0, 1) + r.expovariate(3) + r.triangular(0, 1, 0.3) + r.normalvariate(1, 2)
print(repr(s))
t(random.gammavariate, 0, 1)
t(random.gammavariate, 1, -1)
t(random.expovariate, 0)
t(random.gauss, 0, "x")
t(random.lognormvariate, 0)
t(random.normalvariate, 1, 2, 3)
t(random.gauss, sigma=0)

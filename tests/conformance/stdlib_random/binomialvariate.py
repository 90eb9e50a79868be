# binomialvariate: both algorithms (geometric skips when n*p < 10, BTRS otherwise),
# the p > 0.5 reflection, the edge values of p, and the errors.
import random

def t(*a, **k):
    try:
        print(a, k, repr(random.binomialvariate(*a, **k)))
    except Exception as e:
        print(a, k, type(e).__name__, e)

random.seed(4)
print([random.binomialvariate() for _ in range(20)])
print([random.binomialvariate(10, 0.3) for _ in range(10)])
print([random.binomialvariate(100, 0.05) for _ in range(10)])
print([random.binomialvariate(100, 0.5) for _ in range(10)])
print([random.binomialvariate(1000, 0.9) for _ in range(10)])
print([random.binomialvariate(10**6, 0.01) for _ in range(5)])
total = sum(random.binomialvariate(50, 0.4) for _ in range(1000))
print(total)
for args in ((5, 0), (5, 1), (5, 0.0), (5, 1.0), (0, 0.5), (-1, 0.5), (5, 1.5), (5, -0.1), (5, "x"),
             (5, None), (True, 0.5), (1, 0.999)):
    t(*args)
t(n=3, p=0.5)
t(3, q=0.5)
print(random.random())

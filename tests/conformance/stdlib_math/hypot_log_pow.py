# hypot, log2, log10, pow, copysign: values, special cases and errors.
import math

def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

for args in ((), (3,), (3, 4), (-3, 4), (1, 2, 2), (1e308, 1e308), (1e-320, 1e-320), (math.inf, math.nan),
             (math.nan, 1), (0.0, -0.0), (3, 4, 12, 84), (10**20, 10**20), (1.5, 2.5, 3.5, 4.5, 5.5), (True, 2)):
    t(math.hypot, *args)
t(math.hypot, "a")
t(math.hypot, 1, [2])
for x in (1, 2, 8, 1024, 2**100, 2**1100, 10**400, 0.5, 3.0, 1e-300, 5e-324, math.inf, math.nan, 0, -1, 0.0, -math.inf, True):
    t(math.log2, x)
    t(math.log10, x)
for x in (10, 100, 1000, 10**22, 10**23, 10**308, 10**309, 0.001):
    t(math.log10, x)
t(math.log2, "x")
t(math.log10)
for a in ((2, 10), (2.0, 0.5), (-2, 3), (-2, 0.5), (0, -1), (0.0, 0), (math.nan, 0), (1, math.nan),
          (math.inf, -1), (-math.inf, 3), (-math.inf, 2), (10, 400), (-10, 401), (1e-300, 2), (2, 1024),
          (0.5, -2000), (-1, math.inf), (-0.0, -3), (-0.0, 0.5), (4, 0.5), (1.0000001, 1e9)):
    t(math.pow, *a)
t(math.pow, 1)
t(math.pow, "2", 3)
for a in ((1, -0.0), (-3, 2), (0.0, -1), (math.inf, -1), (math.nan, -1.0), (5, math.nan), (2**70, -1)):
    t(math.copysign, *a)
t(math.copysign, 1)
t(math.copysign, 1, "x")

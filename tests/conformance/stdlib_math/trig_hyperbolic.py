# asin acos atan sinh cosh tanh degrees radians isfinite, with domain and range errors.
import math

def t(f, *a):
    try:
        print(f.__name__, a, repr(f(*a)))
    except Exception as e:
        print(f.__name__, a, type(e).__name__, e)

for f in (math.asin, math.acos, math.atan):
    for x in (0, 0.5, -0.5, 1, -1, 1.0000001, -2, 0.1, 1e-300, math.inf, -math.inf, math.nan, 10**30, True):
        t(f, x)
for f in (math.sinh, math.cosh, math.tanh):
    for x in (0, -0.0, 0.5, -1, 2, 20, 710, 711, -711, 1e-300, math.inf, -math.inf, math.nan, 10**3):
        t(f, x)
for f in (math.degrees, math.radians):
    for x in (0, 1, -1, math.pi, 180, 360, 1e308, -0.0, math.inf, math.nan, 2**60):
        t(f, x)
for x in (0, 1.5, math.inf, -math.inf, math.nan, 10**400, 1e308, True):
    t(math.isfinite, x)
for f in (math.asin, math.sinh, math.degrees, math.isfinite):
    t(f, "x")
    t(f)
    t(f, 1, 2)
print(math.tau, math.tau == 2 * math.pi, math.tau / 2 == math.pi)
s = 0.0
for i in range(-100, 101):
    x = i / 100
    s += math.asin(x) + math.acos(x) + math.atan(x * 7) + math.tanh(x * 3) + math.sinh(x) - math.cosh(x)
print(repr(s))

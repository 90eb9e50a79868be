# isclose: defaults, rel_tol/abs_tol keywords, infinities, NaN and argument errors.
import math

def t(*a, **k):
    try:
        print(repr(math.isclose(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

t(1.0, 1.0 + 1e-10)
t(1.0, 1.0 + 1e-8)
t(1.0, 1.1, rel_tol=0.1)
t(1.0, 1.1, rel_tol=0.09)
t(0.0, 1e-10)
t(0.0, 1e-10, abs_tol=1e-9)
t(1e-10, 0.0, abs_tol=1e-10)
t(math.inf, math.inf)
t(-math.inf, math.inf)
t(math.inf, 1e308, rel_tol=1.0)
t(math.nan, math.nan)
t(1, 1)
t(10**20, 10**20 + 1)
t(1.0, 1.0, rel_tol=-1)
t(1.0, 1.0, abs_tol=-0.5)
t(1.0, 1.0, rel_tol=math.nan)
t(1.0, 2.0, rel_tol=1.0)
t(1.0, 1.0, rel_tol="x")
t(1.0, "x")
t(1.0)
t(1.0, 2.0, 3.0)
t(1.0, 2.0, tol=1)
t(a=1.0, b=1.0)
t(1.0, b=1.0)
t(True, 1.0)

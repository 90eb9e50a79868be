# Harder corners: fsum overflow, __index__/__float__ arguments, huge ints, signed zeros.
import math

def t(f, *a, **k):
    try:
        print(f.__name__, repr(f(*a, **k)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

class I:
    def __index__(self):
        return 12
class F:
    def __float__(self):
        return 0.25

t(math.gcd, I(), 18)
t(math.factorial, I())
t(math.comb, I(), 3)
t(math.perm, I(), 2)
t(math.asin, F())
t(math.hypot, F(), 1)
t(math.log2, F())
t(math.pow, F(), 2)
t(math.copysign, F(), -1)
t(math.isclose, F(), 0.25)
t(math.fsum, [F(), F()])
t(math.fsum, [1e308, 1e308])
t(math.fsum, [1e308, 1e308, -1e308, -1e308])
t(math.fsum, [-math.inf, 1e308, 1e308])
t(math.fsum, [2.0**1023 * 1.5, 2.0**1023 * 1.5, -2.0**1023])
t(math.factorial, 10**30)
t(math.factorial, -10**30)
t(math.comb, 10**30, 10**30 - 1)
t(math.perm, 10**30, 1)
t(math.comb, 10**20, 2**64)
t(math.log2, 2**10000)
t(math.log10, 10**10000)
t(math.log10, -(10**10000))
t(math.pow, 10, 10**30)
t(math.pow, 2, -10**30)
t(math.degrees, 10**308 * 10)
t(math.hypot, 10**309)
t(math.sinh, 10**5)
t(math.tanh, -0.0)
t(math.atan, -0.0)
t(math.asin, -0.0)
t(math.trunc, -0.0)
t(math.copysign, 0.0, -0.0)
t(math.radians, -0.0)
t(math.gcd, -(2**200), 0)
t(math.gcd, 0, 0, 0, 7)
t(math.prod, [2**64, 2**64, 0.5])
t(math.prod, iter([]), start=[])
t(math.prod, [3], start="ab")
t(math.isclose, 10**400, 10**400)
t(math.isclose, 1.0, 1.0, rel_tol=10**400)
t(math.isclose, 1e-300, 0.0, abs_tol=1e-299)
print(math.hypot(*range(100)), math.fsum(1 / n**2 for n in range(1, 10001)))

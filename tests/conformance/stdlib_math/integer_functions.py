# gcd factorial comb perm trunc: big ints, any number of gcd args, and error messages.
import math

def t(f, *a):
    try:
        print(f.__name__, repr(f(*a)))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

for args in ((), (0,), (-12,), (12, 18), (-12, 18), (0, 0), (0, -5), (2**100, 2**60 * 3), (12, 18, 27),
             (6, 10, 15), (10**40, 10**30 + 10**20), (True, 4), (7, 0, 0)):
    t(math.gcd, *args)
t(math.gcd, 1.5)
t(math.gcd, 4, "6")
for n in (0, 1, 5, 20, 21, 25, 100, True, -1, 1.0, 2.5, "5", 10**20):
    if n == 10**20:
        print("skip huge")
        continue
    t(math.factorial, n)
print(len(str(math.factorial(1000))), math.factorial(500) % (10**9 + 7))
for a in ((5, 2), (10, 0), (10, 10), (10, 11), (0, 0), (100, 50), (2**70, 2), (300, 150), (-1, 2), (5, -1),
          (5.0, 2), (5, "2"), (10**20, 10**20 - 3), (True, True)):
    t(math.comb, *a)
for a in ((5,), (5, 2), (5, None), (10, 0), (10, 10), (10, 11), (0,), (20, 20), (100, 10), (-1, 2), (5, -1),
          (3.0, 1), (5, 1.0), (2**70, 2), (40,)):
    t(math.perm, *a)
t(math.comb, 1)
t(math.perm)
t(math.perm, 1, 2, 3)
for x in (2.7, -2.7, 0.0, -0.5, 1e20, 10**30, True, 5, float("inf"), float("nan"), "3"):
    t(math.trunc, x)

class T:
    def __trunc__(self):
        return 42
t(math.trunc, T())
print(sum(math.comb(30, k) for k in range(31)) == 2**30, math.perm(10, 3) == math.factorial(10) // math.factorial(7))
for a in ((-1,), (-5, None), (2.5,), ("x", None), (4, None)):
    t(math.perm, *a)

# randrange and randint: draws via _randbelow (getrandbits), and every argument check.
import random

random.seed(99)
print([random.randrange(10) for _ in range(20)])
print([random.randrange(5, 15) for _ in range(20)])
print([random.randrange(0, 100, 7) for _ in range(10)])
print([random.randrange(100, 0, -3) for _ in range(10)])
print([random.randrange(-50, -10, 4) for _ in range(10)])
print([random.randint(1, 6) for _ in range(30)])
print([random.randint(-3, 3) for _ in range(15)])
print(random.randint(5, 5), random.randrange(7, 8))
print(random.randrange(10**30), random.randrange(-10**25, 10**25), random.randint(2**63, 2**64))
print(random.randrange(2**100, 2**101, 2**50))
print(random.randrange(5, step=1), random.randrange(True), random.randrange(3, None))
hist = [0] * 7
for _ in range(1000):
    hist[random.randint(0, 6)] += 1
print(hist)
s = 0
for _ in range(1000):
    s += random.randrange(1, 1000, 3)
print(s)

class Idx:
    def __index__(self):
        return 12
print(random.randrange(Idx()), random.randint(Idx(), 20))

bad_calls = [
    lambda: random.randrange(5, 5), lambda: random.randrange(0), lambda: random.randrange(-3),
    lambda: random.randrange(5, None, 2), lambda: random.randrange(5, step=True),
    lambda: random.randrange(1.5), lambda: random.randrange(1, 2.0), lambda: random.randrange(1, 10, 0),
    lambda: random.randrange(10, 1, 2), lambda: random.randrange(1, 10, -1), lambda: random.randrange(True, True),
    lambda: random.randrange(1, 5, 1.0), lambda: random.randrange(), lambda: random.randrange(1, 2, 3, 4),
    lambda: random.randrange(1, stop=1), lambda: random.randrange(start=3, begin=2),
    lambda: random.randint(1), lambda: random.randint(1, 2, 3), lambda: random.randint(5, 1),
    lambda: random.randint(True, False), lambda: random.randint(1, 2.5), lambda: random.randint("a", 2),
    lambda: random.randint(a=1, b=0), lambda: random.randint(1, a=2),
]
for f in bad_calls:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

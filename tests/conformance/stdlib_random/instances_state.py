# Random instances have independent state; getstate/setstate round-trip; seeding types.
import random

a = random.Random(42)
b = random.Random(42)
c = random.Random()
print(a.random() == b.random(), a.randint(1, 100), b.randint(1, 100))
random.seed(42)
print(random.random(), random.Random(42).random())
print(type(a).__name__, random.Random.__name__, random.Random, isinstance(a, random.Random))
st = a.getstate()
print(type(st).__name__, len(st), st[0], len(st[1]), st[1][-1], st[2])
x = [a.random() for _ in range(5)]
a.setstate(st)
y = [a.random() for _ in range(5)]
print(x == y, x)
b.setstate(st)
print(b.random() == x[0])
a.seed(7)
s7 = a.getstate()
a.seed(8)
a.setstate(s7)
print(a.random(), random.Random(7).random())
for seed in ("hello", "", "héllo wörld", "a" * 100):
    print(repr(seed[:10]), random.Random(seed).random())
print(random.Random(x=5).random(), random.Random(None) is not None)
r = random.Random(1.5)
print(r.random(), random.Random(-0.0).random() == random.Random(0).random())
r.seed("abc", version=1)
print(r.random())
r.seed("abc", version=2)
print(r.random())
r.seed(None)
r.seed()
r.seed(3, version=1)
print(r.random())

for f in (lambda: random.Random(1, 2), lambda: random.Random([1]), lambda: random.seed({}),
          lambda: r.seed(1, 2, 3), lambda: r.seed(x=3), lambda: r.setstate((1, 2)),
          lambda: r.setstate((3, (1, 2), None)), lambda: r.setstate(5), lambda: r.getstate(1),
          lambda: r.random(1), lambda: r.setstate((3, tuple(range(624)) + (700,), None)),
          lambda: r.setstate((3, tuple(range(623)) + (-1, 0), None)), lambda: r.setstate((3, [0] * 625, None))):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

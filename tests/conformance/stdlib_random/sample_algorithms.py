# sample: pool-based selection for small populations, set-based for large ones (the
# switch point depends on k), counts=, and the argument checks.
import random

random.seed(5)
for n, k in ((10, 0), (10, 3), (10, 10), (21, 5), (22, 5), (30, 6), (47, 6), (48, 6), (100, 6),
             (200, 20), (1000, 10), (1000, 500), (10**12, 5)):
    pop = range(n)
    s = random.sample(pop, k)
    print(n, k, s if k <= 12 else (s[:6], sum(s)), len(set(s)) == k)
print(random.sample("abcdefghij", 4), random.sample((1, 2, 3), 3), random.sample([[1], [2]], 1))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.sample(range(3), k=6, counts=[2, 0, 4]))
print(random.sample("ab", 0, counts=[0, 0]))
print(random.sample([1, 2], True))
total = 0
for i in range(200):
    total += sum(random.sample(range(50), 7))
print(total)

for f in (lambda: random.sample([1]), lambda: random.sample({1, 2}, 1), lambda: random.sample({1: 2}, 1),
          lambda: random.sample([1, 2], 3), lambda: random.sample([1, 2], -1), lambda: random.sample([1, 2], 1.0),
          lambda: random.sample([1, 2], "x"), lambda: random.sample([1, 2], 3.5),
          lambda: random.sample([1, 2], 1, counts=[1]), lambda: random.sample([1, 2], 1, counts=[1, -3]),
          lambda: random.sample([1, 2], 1, counts=[1.0, 2.0]), lambda: random.sample([1, 2], 1, cnt=[1, 2]),
          lambda: random.sample([1, 2], 5, counts=[1, 2]), lambda: random.sample([1, 2], 1, counts=5),
          lambda: random.sample(5, 1), lambda: random.sample([1, 2], 1, [1, 1])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

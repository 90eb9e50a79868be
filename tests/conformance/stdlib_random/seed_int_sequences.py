# random(): 53-bit floats from MT19937 seeded from ints of every size and sign.
import random

for seed in (0, 1, 42, -42, 2**32 - 1, 2**32, 2**64 + 12345, 10**100, -(10**50), True, False):
    random.seed(seed)
    first = [random.random() for _ in range(3)]
    total = 0.0
    for _ in range(1000):
        total += random.random()
    print(seed, first, repr(total))

# 2000 draws crossing the 624-word regeneration boundary several times.
random.seed(12345)
xs = [random.random() for _ in range(2000)]
print(xs[623], xs[624], xs[1247], xs[1999], min(xs), max(xs))
print(sum(x < 0.5 for x in xs))

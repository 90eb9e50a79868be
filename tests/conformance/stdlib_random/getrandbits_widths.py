# getrandbits(k) for k == 0, small, exactly 32, just above, and large.
import random

random.seed(2024)
for k in (0, 1, 2, 7, 8, 31, 32, 33, 47, 48, 63, 64, 65, 96, 100, 128, 257, 1000):
    v = random.getrandbits(k)
    print(k, v, v.bit_length() <= k)

r = random.Random(7)
acc = 0
for i in range(1000):
    acc ^= r.getrandbits(i % 70)
print(acc)
print(r.getrandbits(True), r.getrandbits(False))

for bad in (-1, 1.5, "3", 2**64, None):
    try:
        random.getrandbits(bad)
    except Exception as e:
        print(type(e).__name__, e)
for call in (lambda: random.getrandbits(), lambda: random.getrandbits(1, 2), lambda: random.getrandbits(k=3)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)

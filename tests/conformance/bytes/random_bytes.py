# random.randbytes and Random.randbytes draw getrandbits(n * 8) as CPython does, so a
# seed gives CPython's bytes; bytes seeds work for both seed versions.
import random

r = random.Random(12345)
print(r.randbytes(0), r.randbytes(1), r.randbytes(4), r.randbytes(5), r.randbytes(16).hex())
print(r.randbytes(True), r.random(), r.getrandbits(40), r.randbytes(33).hex())
random.seed(7)
print(random.randbytes(10), random.randint(0, 100))
for version in (1, 2):
    for seed in (b"", b"seed", b"\xff\x00\x80", "seed"):
        random.seed(seed, version=version)
        print(version, seed, random.random(), random.randbytes(3))
total = 0
r = random.Random(0)
for n in range(100):
    total += sum(r.randbytes(n % 17))
print(total)


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: r.randbytes(-1))
show(lambda: r.randbytes(2.0))
show(lambda: r.randbytes("a"))
show(lambda: r.randbytes(None))
show(lambda: r.randbytes())
show(lambda: r.randbytes(1, 2))

# Realistic uses: a sieve over a byte array, running statistics over doubles,
# a histogram of counts, and a ring buffer.
from array import array


def primes_below(n):
    sieve = array('B', [1]) * n
    sieve[0] = sieve[1] = 0
    i = 2
    while i * i < n:
        if sieve[i]:
            for j in range(i * i, n, i):
                sieve[j] = 0
        i += 1
    return array('i', [k for k in range(n) if sieve[k]])


ps = primes_below(100)
print(len(ps), ps[:10], ps[-3:], sum(ps))

samples = array('d', [2.5, 3.75, 1.0, 4.25, 3.5, 2.0])
mean = sum(samples) / len(samples)
var = sum((x - mean) ** 2 for x in samples) / (len(samples) - 1)
print(round(mean, 6), round(var, 6), max(samples), min(samples))
samples[2:4] = array('d', [9.5])
print(samples, samples.index(9.5))

hist = array('l', [0]) * 5
for value in [1, 3, 3, 4, 0, 3, 1, 4, 4, 4]:
    hist[value] += 1
for bucket, n in enumerate(hist):
    print(bucket, "#" * n)


class Ring:
    def __init__(self, size):
        self.data = array('h', [0] * size)
        self.pos = 0

    def push(self, v):
        self.data[self.pos % len(self.data)] = v
        self.pos += 1

    def __iter__(self):
        n = len(self.data)
        start = self.pos % n if self.pos >= n else 0
        count = min(self.pos, n)
        for k in range(count):
            yield self.data[(start + k) % n]


r = Ring(4)
for v in range(1, 7):
    r.push(v * 100)
print(list(r), sorted(r, reverse=True), sum(r))
try:
    r.push(40000)
except OverflowError as e:
    print("overflow:", e)

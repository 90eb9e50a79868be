# Itertools and operator helpers inside loops hot enough to be compiled: the results
# must not depend on the tier.
from itertools import islice, count, product, accumulate, chain, groupby, repeat, pairwise
from operator import itemgetter, mul, add

def scan(n):
    total = 0
    for x in islice(count(3, 2), n):
        total += x
    return total

def grid(n):
    best = 0
    for a, b in product(range(n), repeat=2):
        v = (a * 7 + b * 13) % 97
        if v > best:
            best = v
    return best

def runs(data):
    return [(k, sum(1 for _ in g)) for k, g in groupby(data)]

def diffs(data):
    acc = 0
    for a, b in pairwise(data):
        acc += abs(b - a)
    return acc

second = itemgetter(1)
def pick(rows):
    s = 0
    for r in rows:
        s += second(r)
    return s

rows = [(i, i * i % 101) for i in range(3000)]
for _ in range(3):
    print(scan(5000), grid(60), pick(rows), diffs([x % 17 for x in range(3000)]))
print(runs([i // 500 for i in range(3000)]))
print(list(accumulate(repeat(2, 20), mul))[-1], sum(chain(range(1000), range(500))))
print(list(islice(accumulate(count(), add), 5, 10)))

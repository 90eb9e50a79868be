# tee: independent iterators over one source, buffering what the slower ones have
# not seen yet (more than one internal block), copies of tees, and lookahead.
from itertools import tee, islice

a, b = tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
print([list(x) for x in tee('abc', 3)], tee('abc', 0), len(tee('x', 1)))

source = (i * i for i in range(200))
fast, slow = tee(source)
print(sum(islice(fast, 150)), next(slow), sum(slow), list(fast)[:3])

# Copies of a tee share the same buffer.
x, = tee(iter('hello'), 1)
next(x)
y, z = tee(x)
print(''.join(y), ''.join(z), list(x))
print(type(a).__name__, iter(a) is a)

# Lookahead: compare each element with the next.
def with_next(iterable):
    cur, nxt = tee(iterable)
    next(nxt, None)
    return zip(cur, nxt)
print([(p, q) for p, q in with_next('abcd')])

def moving_average(values, n):
    its = tee(values, n)
    for i, it in enumerate(its):
        for _ in range(i):
            next(it, None)
    return [sum(w) / n for w in zip(*its)]
print(moving_average([1, 2, 3, 4, 5, 6, 7], 3))

# Consuming the tees alternately, past block boundaries.
p, q = tee(range(130))
out = []
for i in range(130):
    out.append(next(p) - next(q))
print(set(out), next(p, 'done'), next(q, 'done'))

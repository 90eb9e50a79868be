# count, repeat, cycle and islice: infinite iterators stay lazy, reprs follow the
# current position, and islice's start/stop/step select exactly CPython's items.
from itertools import count, repeat, cycle, islice

c = count(5)
print(c, next(c), next(c), c)
print(count(), count(1.5, 0.5), count(10, -2), count(2, 1.0))
print(list(islice(count(), 5)), list(islice(count(1, 3), 4)))
print(list(islice(count(0.5, 0.25), 4)))
big = count(2**64)
next(big)
print(big)
print(repeat('a', 3), list(repeat('a', 3)), repeat(None), list(repeat(7, -2)))
r = repeat('x', 2)
next(r)
print(r, len(list(zip(range(10), repeat(0)))))
print(list(islice(cycle('abc'), 10)), list(cycle([])))
print(list(islice(range(20), 2, 15, 3)), list(islice('abcdefg', None, 4)), list(islice('abc', 1, None)))
print(list(islice('abcdefg', 2, None, 2)), list(islice('abc', 0)), list(islice('abc', 10)))
for it in (count(), repeat(1), cycle('ab'), islice('ab', 1)):
    print(type(it).__name__, iter(it) is it)

# islice consumes only what it needs from a shared iterator.
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 1, 3)), list(it))

# A generator feeding islice is only advanced on demand.
def noisy():
    for i in count():
        print('produce', i)
        yield i
s = islice(noisy(), 1, 6, 2)
print('first', next(s))
print('rest', list(s))

# zip with count numbers lines; repeat feeds map.
lines = ['alpha', 'beta', 'gamma']
for n, line in zip(count(1), lines):
    print(n, line)
print(list(map(pow, range(6), repeat(2))))

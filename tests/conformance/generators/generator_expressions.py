# Generator expressions: laziness, single use, scoping of the first iterable.
def src(n):
    print('  src evaluated')
    for i in range(n):
        print('  producing', i)
        yield i
g = (x * x for x in src(3))
print('generator created')
print(next(g))
print(list(g))
print(list(g))
print(sum(x for x in range(101)), max(len(w) for w in ['a', 'abc', 'ab']))
print(list(x for x in range(10) if x % 3 == 0), tuple(c.upper() for c in 'abc'))
pairs = list((x, y) for x in range(3) for y in range(x))
print(pairs)
items = [1, 2, 3]
lazy = (v * 10 for v in items)
items.append(4)
print(list(lazy))
items2 = [1, 2]
lazy2 = (v for v in items2)
items2 = [100]
print(list(lazy2))
try:
    bad = (1 / x for x in [1, 0])
    print('created without error')
    print(list(bad))
except ZeroDivisionError as e:
    print('error on consumption:', e)
try:
    early = (x for x in 5)
except TypeError as e:
    print('first iterable evaluated eagerly:', e)
ge = (i for i in range(3))
print(type(ge).__name__, 0 in ge, 1 in ge, 0 in ge, list(ge))
print(sorted((x % 4 for x in range(10)), reverse=True))
print(dict((k, len(k)) for k in ['aa', 'b']), set(x % 3 for x in range(10)))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(3)))
print(''.join(str(d) for d in range(5)), ', '.join(s for s in 'xyz'))

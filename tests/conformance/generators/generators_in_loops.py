# Generators consumed by for loops, list(), unpacking, zip and enumerate.
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
for c in chunks(list(range(7)), 3):
    print(c)
print(list(chunks('abcdefg', 2)))
a, b, c = (x for x in 'xyz')
print(a, b, c)
first, *rest = chunks([1, 2, 3, 4, 5], 2)
print(first, rest)
def naturals():
    n = 0
    while True:
        yield n
        n += 1
for i, v in zip(range(3), naturals()):
    print(i, v)
for idx, val in enumerate(chunks('hello', 2), start=1):
    print(idx, val)
def pipeline():
    evens = (n for n in naturals() if n % 2 == 0)
    squares = (n * n for n in evens)
    for s in squares:
        if s > 100:
            return
        yield s
print(list(pipeline()))
def take(n, it):
    it = iter(it)
    for _ in range(n):
        yield next(it)
print(list(take(4, naturals())))
def broken_take():
    it = iter([1])
    yield next(it)
    yield next(it)
try:
    print(list(broken_take()))
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', type(e.__cause__).__name__)
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        nxt = []
        for g in gens:
            try:
                yield next(g)
                nxt.append(g)
            except StopIteration:
                pass
        gens = nxt
print(list(interleave('abc', [1, 2], range(10, 14))))
gen = naturals()
for v in gen:
    if v >= 3:
        break
print('resume after break:', next(gen), next(gen))
print(list(map(lambda p: p[0] * p[1], zip(naturals(), range(4)))))
print(sorted(chunks([3, 1, 2, 9], 1)), max(chunks([1, 5, 2, 0], 2)))

# chain, chain.from_iterable, zip_longest, pairwise, batched, compress, starmap,
# takewhile, dropwhile and filterfalse on realistic data.
from itertools import (chain, zip_longest, pairwise, batched, compress, starmap,
                       takewhile, dropwhile, filterfalse)

print(list(chain([1, 2], (3,), 'ab', range(2))), list(chain()), list(chain.from_iterable(['xy', [1], ()])))
matrix = [[1, 2, 3], [4, 5], [6]]
print(list(chain.from_iterable(matrix)), sum(chain(*matrix)))
def gen_lists():
    print('making lists')
    yield [1]
    yield [2, 3]
cf = chain.from_iterable(gen_lists())
print('created')
print(list(cf))

names = ['ann', 'bob', 'cy']
scores = [90, 85]
print(list(zip_longest(names, scores)), list(zip_longest(names, scores, fillvalue=0)))
print(list(zip_longest()), list(zip_longest('ab')), list(zip_longest('a', 'bcd', 'ef', fillvalue='-')))

temps = [12, 15, 11, 18, 18, 20]
print([b - a for a, b in pairwise(temps)], list(pairwise('a')), list(pairwise([])))
print(list(batched(range(10), 3)), list(batched('abcdef', 2)), list(batched([], 4)))
rows = list(batched(range(1, 13), 4))
print([sum(r) for r in rows])

print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(range(10), [True, False] * 2)))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, [[1, 5, 2], 'zab'])))
print(list(starmap(lambda *a: a, [(), (1,), (1, 2)])))

log = [3, 4, 8, 15, 2, 1, 30]
print(list(takewhile(lambda x: x < 10, log)), list(dropwhile(lambda x: x < 10, log)))
print(list(filterfalse(lambda x: x % 3, range(20))), list(filterfalse(None, [0, 1, '', 'a', [], [0], None])))

# takewhile consumes the first failing element from a shared iterator.
it = iter([1, 2, 3, 10, 4, 5])
print(list(takewhile(lambda x: x < 3, it)), list(it))

# Parse a header block then the body.
text = ['# title', '# author', '', 'body 1', 'body 2']
header = list(takewhile(lambda l: l.startswith('#'), text))
body = list(dropwhile(lambda l: l.startswith('#') or not l, text))
print(header, body)

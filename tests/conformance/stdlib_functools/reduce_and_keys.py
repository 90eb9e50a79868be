# reduce folds left with or without an initial value; cmp_to_key turns old-style
# comparison functions into sort keys.
from functools import reduce, cmp_to_key
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 8), 1), reduce(operator.add, [], 'empty'))
print(reduce(lambda acc, w: acc + len(w), ['ab', 'cde', 'f'], 0), reduce(max, [3, 9, 2]))
print(reduce(lambda a, b: a * 10 + b, [1, 2, 3]), reduce(operator.add, ['a'], 'x'), reduce(operator.add, ['solo']))
print(reduce(operator.add, [[1], [2, 3]], []), reduce(operator.or_, [{1}, {2}, {1, 3}]))
print(reduce(lambda a, b: a + b, range(5), initial=100))
nested = {'a': {'b': {'c': 42}}}
print(reduce(operator.getitem, ['a', 'b', 'c'], nested))
print(reduce(lambda d, k: d.setdefault(k, {}), ['x', 'y'], {}))

def gen():
    yield from [5, 6, 7]
print(reduce(operator.sub, gen()))

def by_length_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ['pear', 'fig', 'apple', 'kiwi', 'date', 'banana']
print(sorted(words, key=cmp_to_key(by_length_then_alpha)))
print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda a, b: b - a)))
print(max(words, key=cmp_to_key(by_length_then_alpha)), min([3, 1, 2], key=cmp_to_key(lambda a, b: a - b)))

K = cmp_to_key(lambda a, b: a - b)
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == K(1), k1 != k2, k1 <= k2, k2 >= k1, k1.obj, k2.obj)

# Versions compared part by part.
def vcmp(a, b):
    pa, pb = [int(x) for x in a.split('.')], [int(x) for x in b.split('.')]
    return (pa > pb) - (pa < pb)
print(sorted(['1.10', '1.2', '1.9.9', '0.1'], key=cmp_to_key(vcmp)))

for f in [lambda: reduce(operator.add, []), lambda: reduce(operator.add, 5), lambda: reduce(operator.add),
          lambda: reduce(), lambda: K(1) < 3, lambda: reduce(operator.add, [1, 'a'])]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)

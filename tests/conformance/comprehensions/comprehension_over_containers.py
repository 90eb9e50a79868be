# Comprehensions over dicts, sets of ints, strings, ranges, tuples and generators.
d = {'one': 1, 'two': 2, 'three': 3}
print([k for k in d], [v for v in d.values()], [(k, v) for k, v in d.items() if v % 2])
print({v: k for k, v in d.items()}, [k[0] for k in reversed(d)])
print([x for x in {40, 10, 30, 20}], sorted(x * 2 for x in {3, 1, 2}))
print([c for c in 'hello' if c not in 'l'], [ord(c) - 96 for c in 'abc'])
print([r for r in range(10, 0, -3)], [i for i in range(0)], [t for t in (3, 1, 2)])
print([s.strip() for s in ' a , b ,c '.split(',')], [w for w in 'x  y'.split(' ')])
print([n for n in (i * i for i in range(5)) if n % 2 == 0])
print([(i, c) for i, c in enumerate('ab')], [a * b for a, b in zip([1, 2], [3, 4])])
print([x for x in [[1, 2], [3]] if len(x) > 1], [len(x) for x in ['', 'a', 'ab']])
print([bool(x) for x in [0, 1, '', 'a', None, [], [0]]])
nested = {'a': [1, 2], 'b': [], 'c': [3]}
print({k: len(v) for k, v in nested.items()}, [v for vs in nested.values() for v in vs])
print({k for k, v in nested.items() if v} == {'a', 'c'}, sorted(k for k, v in nested.items() if not v))

# Dict and set comprehensions, key collisions and ordering.
print({x: x * x for x in range(5)})
print({k: v for k, v in [('a', 1), ('b', 2), ('a', 3)]})
print({v: k for k, v in {'x': 1, 'y': 2, 'z': 1}.items()})
print({x % 3: x for x in range(10)})
print({x % 5 for x in range(20)}, {x * x for x in range(-3, 4)})
print({c for c in 'mississippi'} == set('misp'), sorted({c for c in 'mississippi'}))
print({i: [j for j in range(i)] for i in range(4)})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({k: v for k, v in zip('abc', range(3)) if v != 1})
print({x for x in []}, {x: 1 for x in ()}, type({x for x in []}).__name__)
d = {'a': 1, 'b': 2, 'c': 3}
print({k.upper(): v * 10 for k, v in d.items() if v > 1})
print({len(w): w for w in ['aa', 'b', 'cc', 'ddd']})
def keyf(x):
    print('  key', x)
    return x
def valf(x):
    print('  val', x)
    return x * 10
print({keyf(i): valf(i) for i in range(2)})
try:
    {[i]: i for i in range(2)}
except TypeError as e:
    print('TypeError:', e)
print({1: 'a', True: 'b', 1.0: 'c'}, {x: x for x in [1, True, 1.0]})
print({x for x in [0, False, 0.0, 2, 2.0]})
print({64, 32, 16, 8, 4, 2, 1} == {2 ** i for i in range(7)}, {2 ** i for i in range(7)})

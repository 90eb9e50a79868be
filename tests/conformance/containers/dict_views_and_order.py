# Dict views are live, support set operations and preserve insertion order.
d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print(d, list(d.keys()), list(d.values()))
ks = d.keys()
vs = d.values()
it = d.items()
d[0] = 0
print(ks, vs, it, len(ks))
print(3 in ks, 9 in vs, (3, 9) in it, (3, 10) in it, 81 in ks)
print(ks & {1, 3, 100}, ks | {100}, ks - {5, 9}, ks ^ {5, 42})
print(sorted(ks), list(reversed(ks)), list(reversed(d.values())), list(reversed(d.items())))
del d[9]
print(list(ks), list(vs))
d[9] = 'back'
print(list(d.items()))
try:
    for key in d:
        d[key * 100] = 1
except RuntimeError as e:
    print('RuntimeError:', e)
d = {'a': 1, 'b': 2}
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print('RuntimeError:', e)
print(d)
d = {'x': 1, 'y': 2}
for key in d:
    d[key] = d[key] * 10
print(d)
print(d.keys() == {'x', 'y'}, d.items() == {('x', 10), ('y', 20)})
print(list(zip(d.keys(), d.values())) == list(d.items()))
e = dict.fromkeys([3, 1, 2], 0)
print(e, dict.fromkeys('ab'))
print(len({}.keys()), list({}.items()), bool({}.values()))
print(type(ks).__name__, type(vs).__name__, type(it).__name__)

# Dict methods, insertion order and error messages.
d = {'b': 2, 'a': 1}
d['c'] = 3
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
d['b'] = 20
print(d)
del d['b']
d['b'] = 200
print(d)
print(d.get('a'), d.get('zz'), d.get('zz', 'default'), d.get('a', 'unused'))
print(d.setdefault('a', 99), d.setdefault('new', []), d)
d.setdefault('new', []).append(1)
print(d['new'])
print(d.pop('a'), d.pop('nope', 'dflt'), d)
try:
    d.pop('nope')
except KeyError as e:
    print('KeyError:', e)
try:
    d['missing']
except KeyError as e:
    print('KeyError:', e, repr(e))
try:
    {}[(1, 2)]
except KeyError as e:
    print('KeyError:', e)
d.update({'x': 1, 'c': 30})
d.update([('y', 2)], z=3)
d.update(w=4)
print(d)
e = d.copy()
e['copy_only'] = True
print(len(d), len(e), 'copy_only' in d)
print(d.popitem(), d.popitem(), d)
e.clear()
print(e, len(e))
try:
    {}.popitem()
except KeyError as e:
    print('KeyError:', e)
print(dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({'k': 'v'}, extra=0), dict(zip('abc', range(3))))
print({1: 'int', 1.0: 'float', True: 'bool'})
k = {}
k[2**70] = 'big'
k[-0.0] = 'zero'
k[0] = 'int zero'
k[(1, 2)] = 'tuple'
k[None] = 'none'
print(k)
try:
    k[[1]] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    {{}: 1}
except TypeError as e:
    print('TypeError:', e)
print({'a': 1} == {'a': 1}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {'a': 1} != {'a': 1.0})
print({'a': 1} | {'b': 2}, {'a': 1, 'b': 1} | {'a': 2})
f = {'a': 1}
f |= {'c': 3}
print(f)
try:
    {'a': 1} < {'a': 2}
except TypeError as e:
    print('TypeError:', e)

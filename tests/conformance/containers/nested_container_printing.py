# str()/repr() of nested containers, including recursive ones.
data = {'list': [1, 2.5, 'three', None, True], 'tuple': (1,), 'empty': ([], (), {}, set()),
        'nested': {'deep': [[1, [2, [3]]]]}, 'floats': [-0.0, 1e16, 1.5e-7, float('inf')],
        'set': {3, 1, 2}, 'strs': ["it's", 'a"b', 'tab\t'], 'range': range(3), 'slice': slice(1, 2)}
print(data)
for k, v in data.items():
    print(k, '->', v, '|', repr(v), '|', str(v))
r = [1, 2]
r.append(r)
print(r, repr(r))
dd = {'self': None}
dd['self'] = dd
print(dd)
a = [1]
b = [a, a]
print(b)
a.append(2)
print(b)
t = ([],)
t[0].append(t)
print(t)
print([[]], [()], [{}], [set()], ((),), ({},))
print(str((1, 'x')), str(['x']), str({'x': 'y'}))
print(len(str(list(range(100)))))

# Tuple/list unpacking, starred targets, nested targets, swap.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(a, b), c = (3, 4), 5
print(a, b, c)
[x, y] = 'hi'
print(x, y)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = 'abcdef'
print(head, mid, tail)
p, *q = [9]
print(p, q)
*z, = (1, 2)
print(z)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
for i, (k, v) in enumerate({'x': 1, 'y': 2}.items()):
    print(i, k, v)
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
x = y = z = [0]
print(x is y is z)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 99
print(i, lst)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
m, n = {'a': 1, 'b': 2}
print(m, n)
g, h = (i * i for i in range(2))
print(g, h)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print('ValueError:', e)
try:
    a, *b, c = [1]
except ValueError as e:
    print('ValueError:', e)
try:
    a, b = 5
except TypeError as e:
    print('TypeError:', e)
print([*range(3), *'ab', *[None]])
print((*[1, 2],))
print({**{'a': 1}, 'b': 2, **{'a': 3}})
print({*[1, 2], *(2, 3)})

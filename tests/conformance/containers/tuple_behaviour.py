# Tuples: construction, singleton syntax, immutability, comparison, methods.
t = (1, 2, 3)
print(t, (), (1,), 1, (1), tuple(), tuple([4, 5]), tuple('ab'), tuple(range(3)))
u = 1, 2
print(u, type(u).__name__, len(u), len(()))
print(t[0], t[-1], t[1:], t[::-1], t + (4,), t * 2, (0,) * 3, 3 * ('a',))
print(t.count(2), t.index(3), (1, 2, 1).count(1), (1, 2, 1).index(1, 1))
try:
    t[0] = 9
except TypeError as e:
    print('TypeError:', e)
try:
    t.index(42)
except ValueError as e:
    print('ValueError:', e)
try:
    t[5]
except IndexError as e:
    print('IndexError:', e)
try:
    t + [4]
except TypeError as e:
    print('TypeError:', e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), () < (0,), (1, 'a') == (1, 'a'))
print((1, 2) == [1, 2], (1,) != (1.0,))
m = ([1], [2])
m[0].append(10)
print(m)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash(([1],))
except TypeError as e:
    print('TypeError:', e)
a, b, c = t
print(a + b + c, sum(t), max(t), min(t), sorted((3, 1, 2)))
print(((1, 2), (3, (4, 5))), ((),), (((),),))
d = {(1, 2): 'pair', (): 'empty'}
print(d[(1, 2)], d[()], d[1, 2])
print(tuple(x * 2 for x in t), (*t, *t))

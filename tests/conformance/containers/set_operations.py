# Sets of small ints: methods, operators, comparisons and deterministic order.
s = {3, 1, 2}
print(s, len(s), set(), {0}, set([5, 5, 4]), set(range(10, 0, -1)), set('aaa'))
s.add(10); s.add(1); print(s)
s.discard(2); s.discard(99); print(s)
s.remove(3); print(s)
try:
    s.remove(42)
except KeyError as e:
    print('KeyError:', e)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8], (9,)), a.intersection(range(3)), a.difference([1], [2]))
print(a <= a, a < a, {1} < a, a > {1, 2}, a >= {1, 5}, {1, 2} == {2, 1}, a.issubset(range(10)), a.issuperset([1]))
print(a.isdisjoint(b), a.isdisjoint({9}), {1, 2} != {1, 2, 3})
c = a.copy(); c |= {100}; c &= {1, 2, 100}; c -= {1}; c ^= {2, 50}; print(c, a)
print(c.pop(), c, len(c))
c.clear(); print(c, len(c))
try:
    set().pop()
except KeyError as e:
    print('KeyError:', e)
print({32, 1, 16, 8, 64}, {100, 7, 33, 64}, {-1, -2, 0, 1}, {9, 17, 1, 33})
print({1, 1.0, True}, {0, False, 0.0}, {(1, 2), (1, 2)})
try:
    {[1]}
except TypeError as e:
    print('TypeError:', e)
try:
    a | [1]
except TypeError as e:
    print('TypeError:', e)
print(sorted({5, 3, 8}), list({40, 8, 16, 2}), 3 in {1, 2, 3}, [] == list(set()))
x = set()
for i in [20, 3, 45, 7, 3, 20, 64]:
    x.add(i)
print(x)
for v in {11, 2, 30}:
    print('iter', v)
print(set([2, 1]) == {1, 2}, {1, 2} == [1, 2], set() == set())

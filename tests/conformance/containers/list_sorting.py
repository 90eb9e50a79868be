# list.sort and sorted: key, reverse, stability, mixed types.
a = [5, 2, 9, 1, 5, 6, -3, 0]
a.sort(); print(a)
a.sort(reverse=True); print(a)
words = ['banana', 'Apple', 'cherry', 'date', 'fig', 'Elderberry', 'apple']
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
pairs = [(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y'), (2, 'c')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
recs = [('x', 3), ('y', 1), ('z', 3), ('w', 1), ('v', 2)]
s1 = sorted(recs, key=lambda r: r[0])
s2 = sorted(s1, key=lambda r: r[1])
print(s2)
print(sorted([3.5, 1, 2**70, -1, 0.0, True, False]))
try:
    sorted([1, 'a'])
except TypeError as e:
    print('TypeError:', e)
try:
    [3, None, 1].sort()
except TypeError as e:
    print('TypeError:', e)
r = a.sort()
print(r)
print(sorted('hello'), sorted((3, 1, 2)), sorted({3: 'a', 1: 'b'}), sorted(set([5, 4, 3])))
print(sorted([]), sorted([[2], [1, 5], [1]]), sorted([(1, 2), (1,)]))
calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([1, 2, 3], key=key), calls)
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return 'V(%d)' % self.v
print(sorted([V(3), V(1), V(2)]), min([V(3), V(1)]))
nums = list(range(10))
nums.sort(key=lambda n: n % 3)
print(nums)
nums.sort(key=lambda n: n % 3, reverse=True)
print(nums)

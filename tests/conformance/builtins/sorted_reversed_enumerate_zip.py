# sorted (key, reverse, stability), reversed, enumerate, zip.
data = [('b', 2), ('a', 2), ('c', 1), ('d', 3), ('e', 1)]
print(sorted(data), sorted(data, key=lambda p: p[1]), sorted(data, key=lambda p: p[1], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted('Hello World'), sorted([-3, 2, -1], key=abs))
print(sorted([1.5, True, 0, -2**70]), sorted([[2, 1], [1, 2], [1]]), sorted({3, 1, 2}))
nums = [5, 2, 8]
s = sorted(nums)
print(s is nums, nums, s)
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1,))))
r = reversed([1, 2, 3])
print(type(r).__name__, next(r), list(r), list(r))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError:', e)
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate([], 5)), list(enumerate('ab', start=-1)))
e = enumerate(['x', 'y'])
print(type(e).__name__, next(e), next(e), next(e, 'done'))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip('ab', 'cd', 'ef')))
print(dict(zip('abc', range(3))), list(zip(*[(1, 'a'), (2, 'b')])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print('ValueError:', e)
print(list(zip([1, 2], [3, 4], strict=True)))
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 11
print(list(reversed(SeqOnly())))

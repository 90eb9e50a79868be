# Slicing lists and tuples, slice objects, slice assignment and deletion.
lst = list(range(10))
print(lst[2:7], lst[:-7], lst[-3:], lst[::3], lst[::-3], lst[7:2:-2], lst[100:], lst[-100:2])
sl = slice(1, 8, 2)
print(sl, repr(sl), sl.start, sl.stop, sl.step, lst[sl], slice(5), slice(None, 3), slice(1, None, -1))
print(sl.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(0, 100, 3).indices(7))
t = tuple(lst)
print(t[sl], t[::-1][:3], 'abcdefghij'[sl], range(10)[sl])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(None) == slice(None, None, None))
m = list(range(8))
m[1:3] = 'xyz'
print(m)
m[::3] = [None] * len(m[::3])
print(m)
m[5:2] = ['inserted']
print(m)
m[-2:] = []
print(m)
del m[::-2]
print(m)
n = list(range(6))
n[slice(0, 6, 2)] = [10, 20, 30]
print(n)
try:
    n[::2] = [1, 2]
except ValueError as e:
    print('ValueError:', e)
try:
    n[1:2] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    n[::0]
except ValueError as e:
    print('ValueError:', e)
q = [1, 2, 3]
q[1:1] = q
print(q)
class Sliceable:
    def __getitem__(self, key):
        return key
s = Sliceable()
print(s[1:2], s[::3], s[1:2, 3], s[:], s[5], s['k'])
print(lst[True:], lst[:False], lst[slice(2, 2**70)])

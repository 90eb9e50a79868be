# is / is not / in / not in semantics.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True, (None is False))
x = None
print(x is None, x is not None, x == None)
print(1 in a, 4 in a, 4 not in a, not 4 in a)
print('ell' in 'hello', 'xyz' in 'hello', '' in 'abc', '' in '')
print('a' in ['abc'], 'abc' in ['abc'])
d = {'k': 1, 2: 'v'}
print('k' in d, 1 in d, 2 in d, 'v' in d)
print(1 in {1, 2}, 3 in {1, 2})
print(3 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(-3 in range(0, -10, -3), -4 in range(0, -10, -3))
print(1.0 in [1], True in [1], 1 in [True])
print((1, 2) in [(1, 2)], [1] in [[1]])
nan = float('nan')
lst = [nan]
print(nan in lst, nan == nan, lst == lst, [nan] == [nan])
print(lst.count(nan), lst.index(nan))

class Container:
    def __contains__(self, item):
        print('contains?', item)
        return item == 42

print(42 in Container(), 1 in Container(), 1 not in Container())

class OnlyIter:
    def __iter__(self):
        print('iter called')
        return iter([5, 6, 7])

print(6 in OnlyIter(), 9 in OnlyIter())

class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

print(20 in OnlyGetitem(), 25 in OnlyGetitem())
t = ()
print(t == (), () in [()], t is t)

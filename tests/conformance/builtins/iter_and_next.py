# iter() and next() with defaults, exhausted iterators, iterator identity.
it = iter([1, 2, 3])
print(type(it).__name__, next(it), next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
s = iter('ab')
print(next(s), next(s), next(s, '-'))
d = iter({'x': 1, 'y': 2})
print(next(d), list(d))
r = iter(range(3))
print(iter(r) is r, list(r), list(r))
t = iter((9,))
print(next(t), type(t).__name__, type(iter(range(1))).__name__)
print(type(iter({})).__name__, type(iter(set())).__name__, type(iter({}.items())).__name__)
try:
    next([1, 2])
except TypeError as e:
    print('TypeError:', e)
try:
    iter(42)
except TypeError as e:
    print('TypeError:', e)
lst = [1, 2]
li = iter(lst)
lst.append(3)
print(list(li))
shared = iter(range(6))
print(list(zip(shared, shared)))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print(iter(c) is c, next(c), next(c, 'x'), next(c), next(c, 'exhausted'))

# The operator functions give what the operators give, dunder methods included, and
# work as first-class functions in map/reduce-style code.
import operator as op
from functools import reduce

print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 3), op.truediv(1, 4), op.floordiv(-7, 2), op.mod(-7, 3))
print(op.pow(2, 100), op.pow(2.0, -1), op.neg(3), op.pos(-2.5), op.abs(-4), op.abs(-2.5), op.invert(5), op.inv(0))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 70), op.rshift(1024, 3))
print(op.and_({1, 2}, {2, 3}) == {2}, op.or_({'a': 1}, {'b': 2}))
print(op.eq(1, 1.0), op.ne('a', 'b'), op.lt([1, 2], [1, 3]), op.le(2, 2), op.gt('b', 'a'), op.ge((1,), (1, 0)))
print(op.not_([]), op.truth('x'), op.is_(None, None), op.is_not(1, None), op.is_none(None), op.is_not_none(0))
print(op.index(7), op.concat([1], [2]), op.concat('ab', 'cd'), op.contains('hello', 'ell'), op.contains({1: 2}, 2))
print(op.countOf([1, 2, 1, 1], 1), op.indexOf('abcabc', 'c'), op.countOf('banana', 'a'))
l = [1, 2, 3, 4]
op.setitem(l, 0, 'x')
op.delitem(l, slice(1, 3))
print(l, op.getitem(l, -1), op.getitem({'k': 'v'}, 'k'))
x = [1]
y = op.iadd(x, [2])
z = op.iconcat(y, [3])
print(x, y is x, z is x, op.iadd(1, 2), op.imul('ab', 2), op.ipow(2, 5), op.ior({1}, {2}))
print(op.length_hint([1, 2, 3]), op.length_hint(iter([1, 2]), 9), op.length_hint(object(), 4))
print(op.call(max, 3, 9, 4), op.call(sorted, [3, 1], reverse=True))
print(op.__add__(1, 2), op.__not__(1), op.__getitem__('abc', 1), op.__lt__(1, 2))

class Vec:
    def __init__(self, *c):
        self.c = c
    def __add__(self, o):
        return Vec(*(a + b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        return Vec(*(a * k for a in self.c))
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(*(-a for a in self.c))
    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c
    def __lt__(self, o):
        return self.c < o.c
    def __getitem__(self, i):
        return self.c[i]
    def __contains__(self, v):
        return v in self.c
    def __index__(self):
        return len(self.c)
    def __repr__(self):
        return f'Vec{self.c}'

a, b = Vec(1, 2), Vec(3, 4)
print(op.add(a, b), op.mul(a, 3), op.mul(2, a), op.neg(a), op.eq(a, Vec(1, 2)), op.lt(b, a), op.gt(b, a))
print(op.getitem(b, 0), op.contains(a, 2), op.index(a), reduce(op.add, [a, b, Vec(10, 10)]))
print(reduce(op.mul, range(1, 11)), list(map(op.mul, [1, 2, 3], [4, 5, 6])), sorted([3, 1, 2], key=op.neg))
print(list(map(op.itemgetter(1), [(1, 'a'), (2, 'b')])), sum(map(op.truth, [0, 1, '', 'x', None])))

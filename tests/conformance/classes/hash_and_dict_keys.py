# __hash__ with __eq__ for use in sets and dict keys; unhashable classes.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return 'Key(%r, %r)' % (self.a, self.b)
d = {Key(1, 2): 'first'}
d[Key(1, 2)] = 'replaced'
d[Key(2, 1)] = 'other'
print(d, len(d), Key(1, 2) in d, d[Key(2, 1)])
s = {Key(0, 0), Key(0, 0), Key(0, 1)}
print(len(s), Key(0, 1) in s)
class EqOnly:
    def __eq__(self, other):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print('TypeError:', e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print('TypeError:', e)
print(EqOnly.__hash__)
class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), p == p, p != Plain(), {p: 1}[p])
class ConstHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, other):
        print('  comparing', self.v, other.v)
        return self.v == other.v
    def __repr__(self):
        return 'C%d' % self.v
m = {}
m[ConstHash(1)] = 'a'
m[ConstHash(2)] = 'b'
print('lookup')
print(m[ConstHash(2)])
print(hash(ConstHash(5)))
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print('TypeError:', e)
class NegHash:
    def __hash__(self):
        return -1
print(hash(NegHash()))
class BigHash:
    def __hash__(self):
        return 2**100
print(hash(BigHash()) == hash(2**100))
class BadHash:
    def __hash__(self):
        return 'str'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError:', e)

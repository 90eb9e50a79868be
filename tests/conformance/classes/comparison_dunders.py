# __eq__, __lt__, __le__, __gt__, __ge__, reflected comparisons and NotImplemented.
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __repr__(self):
        return 'V' + '.'.join(str(p) for p in self.parts)
    def __eq__(self, other):
        print('  eq', self, other)
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        print('  lt', self, other)
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __le__(self, other):
        print('  le', self, other)
        return self.parts <= other.parts
    def __gt__(self, other):
        print('  gt', self, other)
        return self.parts > other.parts
    def __ge__(self, other):
        print('  ge', self, other)
        return self.parts >= other.parts
a, b = Version(1, 2), Version(1, 10)
print(a == b)
print(a != b)
print(a < b)
print(a <= b)
print(a > b)
print(a >= b)
print(a == 'str')
print(a != 'str')
try:
    print(a < 5)
except TypeError as e:
    print('TypeError:', e)
print(sorted([Version(2), Version(1, 5), Version(1)]))
print(max(Version(3), Version(10)))
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('  OnlyLt.__lt__', self.v, other.v)
        return self.v < other.v
x, y = OnlyLt(1), OnlyLt(2)
print(y > x)
print(x < y)
try:
    x <= y
except TypeError as e:
    print('TypeError:', e)
print(x == x, x == OnlyLt(1), x != y)
class Sub(Version):
    def __eq__(self, other):
        print('  Sub.eq')
        return True
print(Version(1) == Sub(2))
print(Sub(1) == Version(2))
class AlwaysEq:
    def __eq__(self, other):
        return True
print(AlwaysEq() == 1, 1 == AlwaysEq(), [AlwaysEq()] == [5], AlwaysEq() in [1, 2], AlwaysEq() != 3)

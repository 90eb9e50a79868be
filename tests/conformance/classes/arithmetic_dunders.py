# __add__, __sub__, __mul__, __truediv__ and reflected variants; NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Vec(%r, %r)' % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return NotImplemented
    def __rmul__(self, k):
        print('  __rmul__')
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, a / 2, -a, a * 0.5)
print(a + b == Vec(4, 6), a == (1, 2))
try:
    a + 1
except TypeError as e:
    print('TypeError:', e)
try:
    1 + a
except TypeError as e:
    print('TypeError:', e)
try:
    a * 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    a / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    a // 2
except TypeError as e:
    print('TypeError:', e)
c = a
c += b
print(c, a, c is a)
c *= 2
print(c)
class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print('  Money.__add__')
        if isinstance(o, int):
            return Money(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print('  Money.__radd__', o)
        return self + o
    def __repr__(self):
        return 'Money(%d)' % self.v
print(Money(5) + 1)
print(10 + Money(5))
class Sub(Vec):
    def __rmul__(self, k):
        return 'Sub.__rmul__ wins'
    def __radd__(self, o):
        return 'Sub.__radd__ wins'
print(Vec(1, 1) + Sub(1, 1))
class Left:
    def __add__(self, o):
        return NotImplemented
class Right:
    def __radd__(self, o):
        return 'Right.__radd__'
print(Left() + Right())
try:
    Left() + Left()
except TypeError as e:
    print('TypeError:', e)

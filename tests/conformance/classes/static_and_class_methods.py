# @staticmethod and @classmethod, alternative constructors, inheritance.
class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    @classmethod
    def origin(cls):
        return cls(0, 0)
    @classmethod
    def from_string(cls, s):
        x, y = s.split(',')
        return cls(int(x), int(y))
    @staticmethod
    def distance_sq(a, b):
        return (a.x - b.x) ** 2 + (a.y - b.y) ** 2
    @classmethod
    def kind(cls):
        return cls.__name__
    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self.x, self.y)
class Point3(Point):
    def __init__(self, x, y, z=0):
        super().__init__(x, y)
        self.z = z
o = Point.origin()
p = Point.from_string('3,4')
print(o, p, Point.distance_sq(o, p), p.distance_sq(p, o), Point.count)
q = Point3.origin()
r = Point3.from_string('1,2')
print(q, r, q.z, Point3.kind(), q.kind(), Point.kind(), Point.count)
print(type(q).__name__, isinstance(q, Point3))
class Util:
    @staticmethod
    def add(a, b=1):
        return a + b
    @staticmethod
    def nothing():
        return 'static no args'
print(Util.add(2), Util().add(2, 3), Util.nothing(), Util().nothing())
class Registry:
    items = []
    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return len(cls.items)
class SubRegistry(Registry):
    items = []
print(Registry.register('a'), SubRegistry.register('b'), SubRegistry.register('c'))
print(Registry.items, SubRegistry.items)
class Unbound:
    def method(self):
        return 'needs self'
try:
    Unbound.method()
except TypeError as e:
    print('TypeError:', e)
print(Unbound.method(Unbound()))

# Methods a subclass of a built-in type overrides are the ones the built-ins call.
class Squares(list):
    def __getitem__(self, i):
        return super().__getitem__(i) ** 2

    def __len__(self):
        return super().__len__() * 10

    def __contains__(self, x):
        return x == "anything"

    def __iter__(self):
        yield "custom"
        yield from super().__iter__()


s = Squares([1, 2, 3])
print(s[2], len(s), "anything" in s, 1 in s, list(s), [x for x in s], bool(s))
print(list.__getitem__(s, 2), list.__len__(s), repr(s))


class Loud(list):
    def __repr__(self):
        return "Loud" + super().__repr__()

    def __eq__(self, other):
        return "eq called"

    __hash__ = None


l = Loud([1])
print(l, repr(l), str(l), [l], {1: l}, l == [1], l == 5)


class Cached(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]


c = Cached()
print(c["abc"], c["x"], c, len(c), type(c).__name__)


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return "Point(%r, %r)" % self


p = Point(1, 2)
print(p, p.x, p + (3,), type(p + (3,)).__name__, len(p), hash(p) == hash((1, 2)), p == (1, 2))


class Truthy(str):
    def __bool__(self):
        return True


class Sized(dict):
    def __len__(self):
        return 0


print(bool(Truthy("")), bool(Sized(a=1)), len(Sized(a=1)), "yes" if Truthy("") else "no")




class Ordered(int):
    def __lt__(self, other):
        return int(self) > int(other)


print(sorted([Ordered(1), Ordered(3), Ordered(2)]), Ordered(1) < Ordered(2), min(Ordered(1), Ordered(5)))

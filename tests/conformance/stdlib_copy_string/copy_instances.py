# Copying instances: __dict__, __slots__, __copy__/__deepcopy__, __getstate__/__setstate__,
# __reduce__, __getnewargs__, copy.replace, and the errors.
import copy


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = []

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.tags})"


p = Point(1, 2)
p.tags.append("a")
q = copy.copy(p)
r = copy.deepcopy(p)
p.tags.append("b")
print(p, q, r, q.tags is p.tags, r.tags is p.tags, type(r).__name__)


class Slotted:
    __slots__ = ("a", "b", "__hidden")

    def __init__(self, a):
        self.a = a
        self.__hidden = [a]

    def hidden(self):
        return self.__hidden


s = Slotted([1])
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
print(s2.a is s.a, s3.a is s.a, s3.a, s3.hidden(), hasattr(s3, "b"))


class Derived(Slotted):
    __slots__ = ("c",)


dv = Derived(5)
dv.c = {"x": 1}
dv2 = copy.deepcopy(dv)
print(dv2.a, dv2.c, dv2.c is dv.c, dv2.hidden())


class Both(Slotted):
    pass          # no __slots__: instances get a __dict__ too


b = Both(3)
b.extra = "e"
b2 = copy.copy(b)
print(b2.a, b2.extra, b2.hidden())


class Custom:
    def __init__(self, v):
        self.v = v
        self.calls = []

    def __copy__(self):
        print("__copy__ called")
        new = Custom(self.v)
        new.calls = ["copied"]
        return new

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        new = Custom(copy.deepcopy(self.v, memo))
        new.calls = ["deep"]
        return new


c = Custom([1])
print(copy.copy(c).calls, copy.deepcopy(c).calls, copy.deepcopy([c, c])[0].calls)


class Stateful:
    def __init__(self):
        self.data = [1, 2]
        self.cache = "expensive"

    def __getstate__(self):
        print("getstate")
        return {"data": self.data}

    def __setstate__(self, state):
        print("setstate", state)
        self.__dict__.update(state)
        self.cache = None


st = copy.deepcopy(Stateful())
print(st.data, st.cache)


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


rd = copy.deepcopy(Reduced([1], 2))
print(type(rd).__name__, rd.a, rd.b)


class WithNew:
    def __new__(cls, n):
        self = super().__new__(cls)
        self.n = n
        return self

    def __getnewargs__(self):
        return (self.n,)


wn = copy.copy(WithNew(7))
print(type(wn).__name__, wn.n)


class Tree:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent:
            parent.children.append(self)


root = Tree("root")
kid = Tree("kid", root)
Tree("grandkid", kid)
root2 = copy.deepcopy(root)
k2 = root2.children[0]
print(k2.parent is root2, k2.children[0].parent is k2, k2 is kid, root2.children[0].children[0].name)


class Versioned:
    def __init__(self, n, tag):
        self.n, self.tag = n, tag

    def __replace__(self, **changes):
        return Versioned(changes.get("n", self.n), changes.get("tag", self.tag))


v2 = copy.replace(Versioned(1, "a"), tag="b")
print(v2.n, v2.tag)

for label, f in [("replace int", lambda: copy.replace(5, x=1)),
                 ("replace point", lambda: copy.replace(p, x=1))]:
    try:
        f()
    except TypeError as e:
        print(label, "->", type(e).__name__, e)


def method_copy():
    m = copy.deepcopy(p.__repr__)
    return m(), m.__self__ is p


print(method_copy())

# Subclasses of dict and tuple (what OrderedDict, Counter, defaultdict and namedtuple
# are): __missing__, overridden __setitem__ for item syntax, super() calls, instance
# attributes, equality with the base type, and a tuple subclass with properties.
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __missing__(self, key):
        return f"<{key}?>"

ad = AttrDict(host="localhost", port=8080)
print(ad.host, ad.port, ad["nope"], ad, len(ad), isinstance(ad, dict))
try:
    ad.missing_attr
except AttributeError as e:
    print("AttributeError", e)

class Audited(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.log = []

    def __setitem__(self, key, value):
        self.log.append(key)
        super().__setitem__(key, value)

au = Audited({"a": 1})
au["b"] = 2
au["a"] = 3
print(au, au.log, au == {"a": 3, "b": 2}, {"a": 3, "b": 2} == au, sorted(au.items()))
print(dict(au), {**au, "c": 4}, list(au), au.get("a"), au.pop("b"), au)

class Vec(tuple):
    def __new__(cls, *xs):
        return super().__new__(cls, xs)

    @property
    def norm2(self):
        return sum(x * x for x in self)

    def __add__(self, other):
        return Vec(*(a + b for a, b in zip(self, other)))

    def __repr__(self):
        return f"Vec{tuple(self)}"

v = Vec(1, 2, 3)
w = v + Vec(1, 1, 1)
print(v, w, w.norm2, v[0], v[-1], len(v), v == (1, 2, 3), (1, 2, 3) == v, v < w)
a, b, c = w
print(a, b, c, list(reversed(v)), sorted(Vec(3, 1, 2)), hash(v) == hash((1, 2, 3)), {v: 1}[(1, 2, 3)])
print(isinstance(v, tuple), type(v).__name__, tuple(v), v.count(2), v.index(3))
try:
    hash(au)
except TypeError as e:
    print("TypeError", e)

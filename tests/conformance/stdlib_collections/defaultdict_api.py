# defaultdict's own API: default_factory (None raises KeyError), __missing__, get and
# in not creating keys, repr, copy, | with dicts, dict methods, and subclasses.
from collections import defaultdict

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = defaultdict(list, {"a": [1]}, b=[2])
print(d, d.default_factory)
d["c"].append(3)
print(d.get("zz"), "zz" in d, len(d), d["a"], sorted(d))
print(d.__missing__("m"), d)
d.default_factory = lambda: "new"
print(d["n"])
d.default_factory = None
attempt("none factory", lambda: d["missing"])
attempt("bad factory", lambda: defaultdict(42))
print(defaultdict(), repr(defaultdict(int)))

c = defaultdict(int, x=1)
cc = c.copy()
cc["y"] += 2
print(c, cc, type(cc).__name__, cc.default_factory)
print(c | {"z": 5}, {"w": 0} | c, type(c | {}).__name__)
c |= {"q": 7}
print(c)
print(c.pop("x"), c.setdefault("s", 9), c.popitem(), list(c.keys()), list(c.values()))
print(c == {"s": 9}, dict(c), {**c})
c.update([("u", 1)], v=2)
c.clear()
print(c, bool(c))

class Registry(defaultdict):
    def __init__(self):
        super().__init__(list)
        self.calls = 0
    def __missing__(self, key):
        self.calls += 1
        return super().__missing__(key)

r = Registry()
r["x"].append(1)
r["x"].append(2)
r["y"]
print(r, r.calls, isinstance(r, dict))

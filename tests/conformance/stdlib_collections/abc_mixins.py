# Subclassing collections.abc classes to get their mixin methods: a read-only Mapping,
# a MutableMapping with a transformed key, a Sequence, a MutableSequence and a
# MutableSet, each defining only the abstract methods.
from collections.abc import Mapping, MutableMapping, Sequence, MutableSequence, MutableSet, Iterator

class Frozen(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)

f = Frozen(a=1, b=2)
print(f["a"], f.get("c"), f.get("c", 0), "b" in f, "z" in f, len(f))
print(list(f.keys()), list(f.items()), list(f.values()), f == {"a": 1, "b": 2}, f == {"a": 1})
print(sorted(f.keys() & {"a", "z"}), ("a", 1) in f.items(), 2 in f.values(), dict(f))

class LowerDict(MutableMapping):
    def __init__(self, *args, **kw):
        self._d = {}
        self.update(*args, **kw)
    def __getitem__(self, k):
        return self._d[k.lower()]
    def __setitem__(self, k, v):
        self._d[k.lower()] = v
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)

ld = LowerDict({"A": 1}, B=2)
ld["C"] = 3
print(ld["a"], ld["b"], ld.pop("C"), ld.setdefault("D", 4), ld.get("d"), sorted(ld))
print(ld.popitem(), len(ld))
ld.clear()
print(len(ld), dict(ld))

class Squares(Sequence):
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i
    def __len__(self):
        return self.n

s = Squares(5)
print(list(s), 9 in s, 10 in s, s.index(16), s.count(4), list(reversed(s)))
try:
    s.index(7)
except ValueError as e:
    print(type(e).__name__, e)

class Stack(MutableSequence):
    def __init__(self):
        self._items = []
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __delitem__(self, i):
        del self._items[i]
    def __len__(self):
        return len(self._items)
    def insert(self, i, v):
        self._items.insert(i, v)

st = Stack()
st.append(1)
st.extend([2, 3, 4])
st += [5]
print(list(st), st.pop(), st.pop(0), list(st))
st.reverse()
st.remove(3)
print(list(st), len(st))

class TagSet(MutableSet):
    def __init__(self, items=()):
        self._items = []
        for i in items:
            self.add(i)
    def __contains__(self, x):
        return x in self._items
    def __iter__(self):
        return iter(self._items)
    def __len__(self):
        return len(self._items)
    def add(self, x):
        if x not in self._items:
            self._items.append(x)
    def discard(self, x):
        if x in self._items:
            self._items.remove(x)

t = TagSet(["red", "green", "red"])
t |= ["blue"]
print(list(t), len(t), sorted(t & {"red", "blue"}), t <= TagSet(["red", "green", "blue", "x"]), t == TagSet(["blue", "green", "red"]))
t -= ["green"]
t.remove("red")
print(list(t), t.isdisjoint(["x"]))
try:
    t.remove("nope")
except KeyError as e:
    print(type(e).__name__, e)

class Evens(Iterator):
    def __init__(self):
        self.n = 0
    def __next__(self):
        self.n += 2
        if self.n > 8:
            raise StopIteration
        return self.n

print(list(Evens()), iter(Evens()).__class__.__name__)

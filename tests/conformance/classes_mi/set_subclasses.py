# Subclasses of set and frozenset: their repr names them; operators answer plain sets.
class Tags(set):
    def add_all(self, *items):
        for i in items:
            self.add(i)
        return self


t = Tags(["b", "a"])
t.add_all("c", "a")
print(sorted(t), len(t), "a" in t, "z" in t, type(t).__name__, Tags(), Tags([1]))
print(t | {"z"} == {"a", "b", "c", "z"}, type(t | {"z"}).__name__, type(t & {"a"}).__name__, type(t - {"a"}).__name__)
print(sorted(t.union(["q"])), sorted(t.intersection("ab")), t.issubset("abcd"), t.issuperset({"a"}), t.isdisjoint({"x"}))
print(t == {"a", "b", "c"}, {"a", "b", "c"} == t, t != Tags(), Tags([1]) <= {1, 2}, {1} < Tags([1, 2]))
t |= {"d"}
print(type(t).__name__, sorted(t))
t -= {"a", "d"}
t.discard("zz")
t.remove("b")
print(t, t.pop(), t, bool(t), bool(Tags([0])))
t.owner = "me"
print(t.owner, isinstance(t, set), isinstance(t, frozenset))
try:
    hash(Tags())
except TypeError as e:
    print("TypeError:", e)


class Key(frozenset):
    pass


k = Key([2, 1])
print(k, repr(Key()), len(k), hash(k) == hash(frozenset([1, 2])), {k: 1}[frozenset([1, 2])], {frozenset([1, 2]): 2}[k])
print(k | {3} == {1, 2, 3}, type(k | {3}).__name__, type(k.copy()).__name__, sorted(k), k == frozenset([1, 2]))


class Init(set):
    def __init__(self, text):
        super().__init__(text.split())
        self.text = text


i = Init("x y x")
print(sorted(i), i.text, len(i))

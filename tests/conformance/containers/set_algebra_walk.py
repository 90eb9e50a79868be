# Set algebra where comparing keys runs Python code that changes the sets being
# walked: the walk must stay safe (no crash) and agree with CPython's results.
class Key:
    def __init__(self, v, victim=None):
        self.v = v
        self.victim = victim
    def __hash__(self):
        return hash(self.v % 4)
    def __eq__(self, other):
        if self.victim is not None and self.victim:
            self.victim.pop()
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return "K%d" % self.v

a = {Key(i) for i in range(8)}
b = set()
b.update(Key(i, b) for i in range(0, 8, 2))
print(len(a), len(b))
print(sorted(x.v for x in (a & b)), len(b))
print(sorted(x.v for x in (b - a)), len(b))
print(b <= a, len(b))
s = {1, 2, 3, 4}
print(s <= {1, 2, 3, 4, 5}, s & {2, 3, 9}, s - {1, 4}, {1, 2} <= s, frozenset([2]) <= s)
print(sorted(set(range(100)) & set(range(50, 150)))[:5], len(set(range(1000)) - set(range(0, 1000, 3))))

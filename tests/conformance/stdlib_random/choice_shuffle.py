# choice and shuffle on lists, tuples, strings, ranges and user sequences.
import random

random.seed(31337)
print([random.choice("abcdefg") for _ in range(20)])
print([random.choice((10, 20, 30)) for _ in range(10)])
print([random.choice(range(1000, 2000, 7)) for _ in range(10)])
print(random.choice({0: "zero", 1: "one"}))
deck = list(range(52))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck[:10])
one = [1]
random.shuffle(one)
empty = []
random.shuffle(empty)
print(one, empty)

class Seq:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v

s = Seq("monjit")
random.shuffle(s)
print(s.items, random.choice(s))
counts = {}
for _ in range(1000):
    c = random.choice("xyz")
    counts[c] = counts.get(c, 0) + 1
print(sorted(counts.items()))

for f in (lambda: random.choice([]), lambda: random.choice(""), lambda: random.choice({}),
          lambda: random.choice({1, 2}), lambda: random.choice(5), lambda: random.shuffle((1, 2)),
          lambda: random.shuffle(5), lambda: random.choice(), lambda: random.shuffle([1], 2),
          lambda: random.choice(seq=[])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t = [1, 2, 3]
random.shuffle(t)
print(t, random.random())

# __len__, __getitem__, __setitem__, __contains__, __iter__/__next__ on user classes.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        print('  getitem', pos)
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError('cell out of range')
        return self.cells.get(pos, '.')
    def __setitem__(self, pos, val):
        print('  setitem', pos, val)
        self.cells[pos] = val
    def __contains__(self, val):
        return val in self.cells.values()
g = Grid(3, 2)
print(len(g), bool(g))
g[0, 1] = '#'
g[(2, 1)] = '@'
print(g[0, 1], g[1, 1], '#' in g, '!' in g, '!' not in g)
try:
    g[5, 5]
except IndexError as e:
    print('IndexError:', e)
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
c = Countdown(3)
for v in c:
    print('loop', v)
print(list(c), next(Countdown(1)), next(iter(Countdown(2))))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()), [v for v in Seq()], 9 in Seq(), sum(Seq()))
class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
    def __len__(self):
        return len(self.data)
r = Reusable([3, 1, 2])
print(list(r), list(r), sorted(r), len(r), max(r), 'x' in r)
a, b, c = r
print(a, b, c)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print('ValueError:', e)
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print('TypeError:', e)
try:
    len(NotIter())
except TypeError as e:
    print('TypeError:', e)
try:
    NotIter()[0]
except TypeError as e:
    print('TypeError:', e)
class Dictish:
    def __init__(self):
        self.store = {}
    def __setitem__(self, k, v):
        self.store[k] = v
    def __getitem__(self, k):
        return self.store[k]
dd = Dictish()
dd['a'] = 1
dd['a'] += 5
print(dd['a'], dd.store)
try:
    dd['zz']
except KeyError as e:
    print('KeyError:', e)

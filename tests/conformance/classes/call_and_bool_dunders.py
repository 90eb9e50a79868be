# __call__ and __bool__, plus __len__ fallback for truthiness.
class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x, *rest, scale=1):
        self.calls += 1
        return (x + sum(rest)) * self.k * scale
m = Multiplier(3)
print(m(2), m(1, 2, 3), m(1, scale=10), m.calls, callable(m), callable(Multiplier))
print(list(map(m, [1, 2, 3])), sorted([3, 1, 2], key=Multiplier(-1)))
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Flag(True)), bool(Flag(False)), not Flag(False), Flag(False) or 'alt', Flag(True) and 'yes')
print([x.on for x in (Flag(True), Flag(False), Flag(True)) if x])
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
try:
    if BadBool():
        pass
except TypeError as e:
    print('TypeError:', e)
class Size:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Size(0)), bool(Size(2)), 'yes' if Size(1) else 'no')
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print('TypeError:', e)
class Adder:
    def __init__(self):
        self.total = 0
    def __call__(self, v):
        self.total += v
        return self
a = Adder()
a(1)(2)(3)
print(a.total)
class CallsBack:
    def __call__(self):
        return 'called instance'
    def method(self):
        return self()
print(CallsBack().method())

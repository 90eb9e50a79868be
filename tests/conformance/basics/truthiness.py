# Truth values of built-in objects and user classes.
values = [0, 1, -1, 0.0, -0.0, 0.1, float('nan'), '', ' ', '0', [], [0], (), (None,),
          {}, {0: 0}, set(), {0}, range(0), range(1), None, True, False, 10**30, -10**30]
for v in values:
    print(repr(v), bool(v), 'truthy' if v else 'falsy')

class WithBool:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        print('  __bool__ called')
        return self.b

class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print('  __len__ called')
        return self.n

class Both:
    def __bool__(self):
        print('  Both.__bool__')
        return True
    def __len__(self):
        print('  Both.__len__')
        return 0

class Plain:
    pass

print(bool(WithBool(True)), bool(WithBool(False)))
print(bool(WithLen(0)), bool(WithLen(3)))
print(bool(Both()))
print(bool(Plain()))
if WithLen(0):
    print('not reached')
else:
    print('empty WithLen is falsy')
print(not WithBool(False))
r = WithBool(False) or 'fallback'
print(r)
r = WithLen(2) and 'second'
print(r)
n = 3
while WithLen(n):
    n -= 1
print('n =', n)

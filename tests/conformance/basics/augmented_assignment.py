# Augmented assignment on immutables, mutables and user classes.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x <<= 70; print(x)
x >>= 68; print(x)
x &= 0xFF; print(x)
x |= 0x100; print(x)
x ^= 0x1FF; print(x)
x /= 4; print(x)
s = 'ab'
s += 'cd'; s *= 2; print(s)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
lst += 'xy'
print(lst)
lst = lst + [0]
print(lst is alias, alias)

class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        print('__add__')
        return Acc(self.v + other)
    def __iadd__(self, other):
        print('__iadd__')
        self.v += other
        return self

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        print('OnlyAdd.__add__')
        return OnlyAdd(self.v + other)

a = Acc(1)
b = a
a += 5
print(a.v, a is b)
o = OnlyAdd(1)
p = o
o += 5
print(o.v, p.v, o is p)

d = {'k': 1}
d['k'] += 10
print(d)
class Box:
    pass
bx = Box()
bx.n = 1
bx.n *= 7
print(bx.n)
items = [1, 2, 3]
i = 0
def idx():
    print('idx evaluated')
    return 1
items[idx()] += 100
print(items)

# if/elif/else chains, nesting, and truthiness of conditions.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    elif n < 100:
        return 'medium'
    else:
        return 'large'

for n in (-5, 0, 3, 42, 1000, 2**80, -0.0, 9.99):
    print(n, classify(n))

def check(v):
    out = []
    if v:
        out.append('truthy')
    if not v:
        out.append('falsy')
    if v is None:
        out.append('none')
    elif v == 0:
        out.append('eq zero')
    if isinstance(v, str):
        if v:
            if v.isdigit():
                out.append('digits')
            else:
                out.append('text')
        else:
            out.append('empty str')
    return out

for v in (None, 0, 0.0, '', '12', 'ab', [], [0], False):
    print(repr(v), check(v))

x = 5
if x > 1: print('one-line if')
if x > 10: print('no')
else: print('one-line else')
if x:
    pass
else:
    print('never')
y = 'a' if x > 3 else 'b'
z = 'a' if x > 30 else 'b' if x > 4 else 'c'
print(y, z)
def side(tag, val):
    print('eval', tag)
    return val
if side('first', False) or side('second', True):
    print('branch taken')
if side('a', 0) and side('b', 1):
    print('not taken')
elif side('c', 1):
    print('elif taken')

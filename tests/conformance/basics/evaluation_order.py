# Order of evaluation for operands, calls, subscripts, assignments and dicts.
def t(x):
    print('t', x)
    return x

print(t(1) + t(2) * t(3))
print(t(2) ** t(3) ** t(1))
r = t([10, 20, 30])[t(1)]
print(r)
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(t('a'), t('b'), k=t('c'), j=t('d')))
d = {t('k1'): t('v1'), t('k2'): t('v2')}
print(d)
lst = [0, 0, 0]
lst[t(0)] = t('assigned')
print(lst)
x = [t(i) for i in range(2)]
a, b = t('first'), t('second')
print(t(1) if t(True) else t(2))
print(t(0) and t('skip') or t('or-branch'))
class Obj:
    def __repr__(self):
        return 'Obj()'
o = Obj()
t(o).attr = t('value')
print(o.attr)
print(t('left') < t('right'))
s = {t(1), t(2)}
e = [t(5), *[t(6)], t(7)]
def g(a, b=t('default evaluated at def')):
    return a, b
print(g(t('arg')))
z = t(100); z += t(1)
print(z)
print(t(1) == t(1.0) == t(True))

# *args, **kwargs, keyword-only and positional-only parameters; unpacking calls.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, a=3), f(*'ab', **{'z': 0}))
def g(a, *rest, kw_only, opt='o', **extra):
    return a, rest, kw_only, opt, extra
print(g(1, kw_only=2))
print(g(1, 2, 3, kw_only=4, opt=5, q=6, p=7))
try:
    g(1, 2)
except TypeError as e:
    print('TypeError:', e)
def k(a, *, b, c=3):
    return a, b, c
print(k(1, b=2), k(a=0, b=0, c=0))
try:
    k(1, 2)
except TypeError as e:
    print('TypeError:', e)
def both(a, *args, b=0, **kw):
    return a, args, b, kw
print(both(1, 2, b=3, c=4), both(a=1), both(*[1, 2], **{'b': 5}))
try:
    both(1, a=2)
except TypeError as e:
    print('TypeError:', e)
args = [1, 2]
kwargs = {'c': 3, 'd': 4}
def four(a, b, c, d):
    return a * 1000 + b * 100 + c * 10 + d
print(four(*args, **kwargs), four(*args, *[3], d=9), four(1, *(2, 3), **{'d': 5}))
print(four(*range(4)), four(**{'a': 1, 'b': 1, 'c': 1, 'd': 1}), four(*(4, 3, 2, 1)))
try:
    four(*args, **{'a': 5, 'c': 1, 'd': 1})
except TypeError as e:
    print('TypeError:', e)
try:
    f(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print('TypeError:', e)
try:
    four(*5)
except TypeError as e:
    print('TypeError:', e)
try:
    four(**[1])
except TypeError as e:
    print('TypeError:', e)
def collect(first, *others):
    return first + sum(others)
print(collect(1), collect(1, 2, 3), collect(*range(10)))
def kwonly_default(*, flag=False):
    return flag
print(kwonly_default(), kwonly_default(flag=True))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3), order(**{'b': 1}, a=2))

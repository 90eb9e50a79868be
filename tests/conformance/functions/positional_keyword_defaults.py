# Positional/keyword arguments, defaults, and binding errors.
def f(a, b, c=3, d=4):
    return (a, b, c, d)
print(f(1, 2), f(1, 2, 30), f(1, 2, d=40), f(b=2, a=1), f(1, c=5, b=9), f(*[1, 2, 3, 4]))
def g(x, y=[], z={}):
    y.append(x)
    z[x] = len(y)
    return y, z
print(g(1))
print(g(2))
print(g(3, []))
print(g(4))
print(len(g.__defaults__), f.__defaults__)
def h(n=None):
    if n is None:
        n = []
    n.append(1)
    return n
print(h(), h(), h([0]))
counter = 10
def snapshot(v=counter):
    return v
counter = 20
print(snapshot(), snapshot(5))
errors = [
    lambda: f(1),
    lambda: f(1, 2, 3, 4, 5),
    lambda: f(1, 2, a=1),
    lambda: f(1, 2, e=5),
    lambda: f(),
    lambda: f(b=1),
]
for call in errors:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
def no_args():
    return 'none'
try:
    no_args(1)
except TypeError as e:
    print('TypeError:', e)
def one(x):
    return x
try:
    one()
except TypeError as e:
    print('TypeError:', e)
try:
    one(1, 2)
except TypeError as e:
    print('TypeError:', e)
def ret_none():
    return
def implicit():
    x = 1
print(ret_none(), implicit())
def multi():
    return 1, 'two', [3]
a, b, c = multi()
print(a, b, c, multi())

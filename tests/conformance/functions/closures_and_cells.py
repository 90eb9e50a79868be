# Closures capture variables (cells), not values; nonlocal rebinding.
def make_counter(start=0, step=1):
    count = start
    def inc():
        nonlocal count
        count += step
        return count
    def peek():
        return count
    return inc, peek
inc1, peek1 = make_counter()
inc2, peek2 = make_counter(100, 10)
print(inc1(), inc1(), inc2(), peek1(), peek2(), inc1(), peek1())
def adders():
    return [lambda x, n=n: x + n for n in range(3)], [lambda x: x + n for n in range(3)]
early, late = adders()
print([f(10) for f in early], [f(10) for f in late])
def outer():
    x = 'before'
    def show():
        return x
    x = 'after'
    return show
print(outer()())
def compose(f, g):
    return lambda *a: f(g(*a))
sq_then_neg = compose(lambda v: -v, lambda v: v * v)
print(sq_then_neg(7))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), len(fib.cache))
def shared():
    val = [0]
    def a():
        val[0] += 1
        return val[0]
    def b():
        val[0] += 100
        return val[0]
    return a, b
a, b = shared()
print(a(), b(), a())
def unbound_read():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 'now bound'
    return inner()
print(unbound_read())
def nested_nonlocal():
    x = 0
    def l1():
        def l2():
            nonlocal x
            x += 5
        l2()
        l2()
    l1()
    return x
print(nested_nonlocal())

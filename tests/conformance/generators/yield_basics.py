# Generator functions: laziness, state, exhaustion and StopIteration.
def counter(n):
    print('  generator started')
    i = 0
    while i < n:
        print('  yielding', i)
        yield i
        i += 1
    print('  generator finished')
g = counter(3)
print('created', type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration again, value =', e.value)
print(next(counter(0), 'default'))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def with_return():
    yield 'a'
    return 'the result'
w = with_return()
print(next(w))
try:
    next(w)
except StopIteration as e:
    print('StopIteration value:', e.value, e.args)
def empty():
    return
    yield
print(list(empty()), list(empty()))
def independent():
    yield 1
    yield 2
a, b = independent(), independent()
print(next(a), next(a), next(b))
gen = (x for x in [1])
print(iter(gen) is gen, next(gen))
def yield_expr_value():
    received = yield 'first'
    print('  received', received)
    yield 'second'
y = yield_expr_value()
print(next(y), next(y))
def local_state():
    total = 0
    for v in [5, 10, 20]:
        total += v
        yield total
print(list(local_state()), sum(local_state()), max(local_state()))
print(list(zip(counter(2), 'xyz')))

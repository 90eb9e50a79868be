# Decorators defined in the program: plain, parameterised, stacked, on methods.
log = []
def trace(fn):
    def wrapper(*args, **kwargs):
        log.append('call ' + fn.__name__)
        result = fn(*args, **kwargs)
        log.append('ret ' + repr(result))
        return result
    wrapper.__name__ = fn.__name__
    wrapper.wrapped = fn
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3), add.__name__, add.wrapped(10, 20), log)
def repeat(times):
    print('repeat factory called with', times)
    def deco(fn):
        print('decorating', fn.__name__)
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def tag(label):
    def deco(fn):
        def wrapper():
            return '<' + label + '>' + fn() + '</' + label + '>'
        return wrapper
    return deco
@tag('b')
@tag('i')
def text():
    return 'x'
print(text())
order = []
def mark(name):
    order.append('factory ' + name)
    def deco(fn):
        order.append('apply ' + name)
        return fn
    return deco
@mark('outer')
@mark('inner')
def f():
    pass
print(order)
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return 'a'
@register
def beta():
    return 'b'
print(sorted(registry), registry['beta']())
def replace_with_value(fn):
    return 42
@replace_with_value
def gone():
    pass
print(gone)
def method_deco(fn):
    def wrapper(self, *a):
        return 'decorated ' + str(fn(self, *a))
    return wrapper
class C:
    def __init__(self, v):
        self.v = v
    @method_deco
    def get(self, extra=0):
        return self.v + extra
print(C(5).get(), C(5).get(10))
def counting(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@counting
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(6), fact.calls)

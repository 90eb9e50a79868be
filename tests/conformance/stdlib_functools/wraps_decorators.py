# Decorators built with wraps/update_wrapper keep the wrapped function's metadata;
# cached_property computes once per instance; singledispatch picks by type.
from functools import wraps, update_wrapper, cached_property, singledispatch, WRAPPER_ASSIGNMENTS

def counted(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

@counted
def greet(name):
    """Return a greeting."""
    return 'hello ' + name

print(greet('a'), greet('b'), greet.calls, greet.__name__, greet.__doc__, greet.__qualname__)
print(greet.__wrapped__('c'), greet.__module__, WRAPPER_ASSIGNMENTS[:4])

def tagged(tag):
    def deco(fn):
        def inner(*a):
            return f'<{tag}>{fn(*a)}</{tag}>'
        return update_wrapper(inner, fn)
    return deco

@tagged('b')
@tagged('i')
def text(s):
    "Wrap text."
    return s
print(text('hi'), text.__name__, text.__doc__, text.__wrapped__.__name__, text.__wrapped__.__wrapped__('raw'))

def original():
    pass
original.attr = 'copied'
def wrapper():
    pass
update_wrapper(wrapper, original)
print(wrapper.attr, wrapper.__name__)

class Dataset:
    def __init__(self, values):
        self.values = values
        self.computed = 0
    @cached_property
    def stats(self):
        self.computed += 1
        n = len(self.values)
        return (n, sum(self.values) / n)
d = Dataset([1, 2, 3, 6])
print(d.stats, d.stats, d.computed, 'stats' in d.__dict__)
del d.stats
print(d.stats, d.computed, type(Dataset.stats).__name__)
d.stats = 'overridden'
print(d.stats)

@singledispatch
def describe(x):
    return f'object {x!r}'

@describe.register(int)
def _(x):
    return f'int {x}'

@describe.register(list)
def _(x):
    return 'list of ' + ', '.join(describe(i) for i in x)

def describe_str(x):
    return f'str {x!r}'
describe.register(str, describe_str)

class Shape:
    pass
class Square(Shape):
    pass
@describe.register(Shape)
def _(x):
    return type(x).__name__ + ' shape'
print(describe(3), describe('s'), describe([1, 'a', 2.5]), describe(True), describe(Square()), describe(None))
print(describe.dispatch(bool) is describe.dispatch(int), describe.registry[str] is describe_str, describe.__name__)

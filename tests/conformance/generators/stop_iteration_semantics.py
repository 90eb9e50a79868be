# StopIteration inside generators becomes RuntimeError (PEP 479); return values.
def leaks():
    yield 1
    raise StopIteration('leaked')
g = leaks()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print('RuntimeError:', e)
    print('cause:', repr(e.__cause__))
def next_on_empty():
    yield next(iter([]))
try:
    list(next_on_empty())
except RuntimeError as e:
    print('RuntimeError:', e)
def returns_value():
    yield 1
    return [1, 2]
it = returns_value()
next(it)
try:
    next(it)
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)
def returns_none():
    yield 1
    return None
it = returns_none()
next(it)
try:
    next(it)
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)
def returns_tuple():
    return (1, 2)
    yield
try:
    next(returns_tuple())
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)
class ManualIter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration('class iterators may raise it')
        return self.i
print(list(ManualIter()))
def gen_catches():
    try:
        next(iter([]))
    except StopIteration:
        yield 'caught StopIteration inside generator body'
print(list(gen_catches()))
def running():
    yield 'ok'
gr = running()
print(next(gr))
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print('ValueError:', e)

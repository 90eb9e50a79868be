# What __exit__ receives for different exceptions, including BaseException subclasses.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            print('exit: no exception', exc_value, tb)
        else:
            print('exit:', exc_type.__name__, repr(exc_value), isinstance(exc_value, exc_type), tb is not None)
        return True
with Inspect():
    pass
with Inspect():
    raise ValueError('v')
with Inspect():
    raise KeyError
with Inspect():
    {}['missing']
with Inspect():
    raise SystemExit(5)
with Inspect():
    raise KeyboardInterrupt('ki')
with Inspect():
    raise StopIteration(3)
def gen():
    yield 1
with Inspect():
    g = gen()
    next(g)
    next(g)
class Custom(Exception):
    def __init__(self, code):
        super().__init__('custom', code)
        self.code = code
with Inspect():
    raise Custom(7)
with Inspect():
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError('chained') from z
print('all suppressed')

# __name__, __qualname__, __code__.co_name, co_qualname, co_firstlineno, __doc__, __module__.
def top():
    """Top-level doc."""
    def inner():
        pass
    return inner
class Klass:
    def method(self):
        def local():
            pass
        return local
    @staticmethod
    def smeth():
        pass
    @classmethod
    def cmeth(cls):
        pass
    class Nested:
        def deep(self):
            pass
lam = lambda: 0
for fn in (top, top(), Klass.method, Klass().method(), Klass.smeth, Klass.cmeth,
           Klass.Nested.deep, lam, (lambda: 1)):
    c = fn.__code__
    print(fn.__name__, fn.__qualname__, c.co_name, c.co_qualname, c.co_firstlineno)
print(Klass.__name__, Klass.__qualname__, Klass.Nested.__name__, Klass.Nested.__qualname__)
print(__name__)
def renamed():
    pass
renamed.__name__ = 'new_name'
print(renamed.__name__, renamed.__qualname__, renamed.__code__.co_name)
print(Klass().method.__name__, Klass().method.__qualname__, Klass.cmeth.__name__)
print(len.__name__, print.__name__, type(len).__name__)
def make(n):
    def made():
        return n
    return made
m1, m2 = make(1), make(2)
print(m1.__qualname__, m1.__code__ is m2.__code__, m1() + m2())

# abc.ABC and abstractmethod: classes with abstract methods cannot be instantiated
# (CPython's message, one method or several), concrete subclasses can, partial ones
# cannot; register() makes virtual subclasses; ABCMeta as an explicit metaclass.
from abc import ABC, ABCMeta, abstractmethod

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} area={self.area():.2f} perimeter={self.perimeter():.2f}"

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

class HalfDone(Shape):
    def area(self):
        return 0

attempt("shape", lambda: Shape())
attempt("half", lambda: HalfDone())
for s in [Rect(2, 3), Square(1.5)]:
    print(s.describe(), isinstance(s, Shape))
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Rect.__abstractmethods__)

class Plugin(metaclass=ABCMeta):
    @abstractmethod
    def run(self, data):
        raise NotImplementedError

class Upper(Plugin):
    def run(self, data):
        return data.upper()

class Reverse(Plugin):
    def run(self, data):
        return data[::-1]

attempt("plugin", lambda: Plugin())
for p in [Upper(), Reverse()]:
    print(type(p).__name__, p.run("abc"))

class Legacy:
    def run(self, data):
        return data * 2

print(isinstance(Legacy(), Plugin), issubclass(Legacy, Plugin))
Plugin.register(Legacy)
print(isinstance(Legacy(), Plugin), issubclass(Legacy, Plugin), issubclass(Upper, Plugin), issubclass(int, Plugin))

@Plugin.register
class Other:
    pass

print(isinstance(Other(), Plugin), type(Plugin).__name__, type(Shape).__name__)

class Base(ABC):
    @abstractmethod
    def step(self):
        pass
    def run(self):
        return [self.step() for _ in range(3)]

class Counter(Base):
    def __init__(self):
        self.n = 0
    def step(self):
        self.n += 1
        return self.n

print(Counter().run())
attempt("base", lambda: Base())

class Store(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    def save(self, item):
        pass

class MemStore(Store):
    def __init__(self, name):
        super().__init__(name)
        self.items = []
    def save(self, item):
        self.items.append(item)
        return len(self.items)

attempt("store", lambda: Store("x"))
m = MemStore("mem")
print(m.name, m.save("a"), m.save("b"), m.items)

# Single inheritance chains, overriding, super() in methods and __init__.
class Animal:
    kind = 'animal'
    def __init__(self, name):
        print('Animal.__init__', name)
        self.name = name
    def speak(self):
        return self.name + ' makes a sound'
    def describe(self):
        return '%s is a %s: %s' % (self.name, self.kind, self.speak())
class Dog(Animal):
    kind = 'dog'
    def __init__(self, name, breed):
        print('Dog.__init__', name)
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return self.name + ' barks'
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name, 'unknown')
        print('Puppy.__init__ done')
    def speak(self):
        return super().speak() + ' softly'
a = Animal('generic')
d = Dog('rex', 'lab')
p = Puppy('bit')
for x in (a, d, p):
    print(x.describe())
print(p.breed, p.kind, Puppy.kind, Puppy.__name__, Dog.__name__)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(Dog, object))
print(type(p) is Puppy, type(p) is Dog, type(p).__name__)
class NoInit(Dog):
    pass
n = NoInit('inherited', 'init')
print(n.name, n.breed, n.speak())
class Base:
    def who(self):
        return 'Base'
    def call_who(self):
        return 'I am ' + self.who()
class Derived(Base):
    def who(self):
        return 'Derived'
    def base_who(self):
        return super().who()
print(Base().call_who(), Derived().call_who(), Derived().base_who(), Base.who(Derived()))
class A:
    def __init__(self):
        self.x = 1
class B(A):
    def __init__(self):
        self.y = 2
b = B()
print(hasattr(b, 'x'), b.y)
try:
    NoInit('only one')
except TypeError as e:
    print('TypeError:', e)
class Explicit(Base):
    def who(self):
        return 'Explicit+' + super(Explicit, self).who()
print(Explicit().who())

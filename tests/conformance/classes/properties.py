# @property with getter, setter and deleter; validation; read-only properties.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def celsius(self):
        print('get celsius')
        return self._c
    @celsius.setter
    def celsius(self, value):
        print('set celsius', value)
        if value < -273.15:
            raise ValueError('below absolute zero')
        self._c = value
    @celsius.deleter
    def celsius(self):
        print('del celsius')
        del self._c
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = -40
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print('ValueError:', e)
print(t.celsius)
try:
    t.fahrenheit = 0
except AttributeError as e:
    print('AttributeError:', e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print('AttributeError:', e)
print(type(Temperature.celsius).__name__, isinstance(Temperature.fahrenheit, property))
class Circle:
    def __init__(self, r):
        self.r = r
    def _area(self):
        return 3 * self.r * self.r
    area = property(_area)
c = Circle(2)
print(c.area)
c.r = 5
print(c.area)
class Child(Temperature):
    @property
    def fahrenheit(self):
        return 'overridden ' + str(super().fahrenheit)
ch = Child(0)
print(ch.fahrenheit)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return self.computed * 10
lz = Lazy()
print(lz.value, lz.value, lz.computed)
try:
    del lz.value
except AttributeError as e:
    print('AttributeError:', e)

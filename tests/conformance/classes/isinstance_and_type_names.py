# isinstance/issubclass with tuples and builtins; type(x).__name__; class __name__.
class Shape:
    pass
class Square(Shape):
    pass
class Circle(Shape):
    pass
values = [1, True, 1.5, 'a', None, [], (), {}, set(), range(1), slice(1), Square(), Shape(),
          len, Shape, type, object(), ValueError('e'), (i for i in [])]
for v in values:
    print(type(v).__name__, isinstance(v, (int, str)), isinstance(v, Shape), isinstance(v, object))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, float), isinstance(1.0, int))
print(issubclass(bool, int), issubclass(int, object), issubclass(Square, (Circle, Shape)), issubclass(Square, ()))
print(isinstance(Square(), (Circle, (Square,))), isinstance(Shape, type), type(Shape).__name__)
print(Shape.__name__, Square.__name__, type(Square()) is Square, type(Square()) == Shape)
print(type(1) is int, type(True) is bool, type(1) == type(2), type(type(1)).__name__)
try:
    isinstance(1, 'int')
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError:', e)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(bool, (str, int)))
print(int.__name__, str.__name__, type(None).__name__, type(NotImplemented).__name__, object.__name__)
x = Circle()
print(x.__class__.__name__, x.__class__ is Circle)
def classify(v):
    if isinstance(v, bool):
        return 'bool'
    if isinstance(v, int):
        return 'int'
    if isinstance(v, (list, tuple)):
        return 'sequence'
    return type(v).__name__
print([classify(v) for v in (True, 3, [1], (2,), 'x', 2.0, None)])

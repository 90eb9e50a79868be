# getattr, setattr, hasattr, callable, type, object(), id (never printed).
class Config:
    mode = 'fast'
    def method(self):
        return 'method result'
c = Config()
print(getattr(c, 'mode'), getattr(c, 'missing', 'fallback'), getattr(Config, 'mode'))
setattr(c, 'mode', 'slow')
setattr(c, 'new', [1])
print(c.mode, Config.mode, c.new, hasattr(c, 'new'), hasattr(Config, 'new'))
print(getattr(c, 'method')(), hasattr(c, 'method'), callable(getattr(c, 'method')))
try:
    getattr(c, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(c, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    setattr(5, 'x', 1)
except AttributeError as e:
    print('AttributeError:', e)
try:
    setattr(object(), 'x', 1)
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(5, 'bit_length'), hasattr('s', 'upper'), hasattr([], 'nope'), getattr(5, 'bit_length')())
class Raising:
    @property
    def boom(self):
        raise ValueError('property failed')
    @property
    def attr_err(self):
        raise AttributeError('hidden')
try:
    hasattr(Raising(), 'boom')
except ValueError as e:
    print('hasattr propagates non-AttributeError:', e)
print(hasattr(Raising(), 'attr_err'), getattr(Raising(), 'attr_err', 'default used'))
print(callable(len), callable(Config), callable(c), callable(lambda: 0), callable(None), callable('s'))
print(type(c) is Config, type(3).__name__, type(Config).__name__, type(type).__name__)
o = object()
p = object()
print(type(o).__name__, o == o, o == p, o is p, id(o) == id(o), id(o) == id(p))
print(isinstance(o, object), isinstance(5, object), isinstance(Config, object))
a = [1]
b = a
print(id(a) == id(b), id(a) != id(list(a)))
print(getattr([], 'append').__name__, getattr('abc', 'upper')())

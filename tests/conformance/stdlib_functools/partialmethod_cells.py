# partialmethod: methods with pre-filled arguments, on instances and classes, over
# classmethods, and nested partialmethods flattening.
from functools import partialmethod, partial

class Cell:
    def __init__(self):
        self._alive = False
    def set_state(self, state, *, reason=''):
        self._alive = bool(state)
        return f'{state} {reason}'.strip()
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, reason='starved')
    kill = partialmethod(set_dead)

    @classmethod
    def make(cls, n, tag):
        return f'{cls.__name__} x{n} {tag}'
    make_pair = partialmethod(make, 2)

c = Cell()
print(c.set_alive(), c._alive, c.set_dead(), c._alive, c.set_alive(reason='fed'), c._alive)
print(c.kill(), Cell.set_alive(c), Cell.make_pair('t'), c.make_pair('u'))
print(type(Cell.__dict__['set_alive']).__name__, Cell.__dict__['set_dead'].args, Cell.__dict__['set_dead'].keywords)
print(Cell.__dict__['kill'].args, Cell.__dict__['kill'].func is Cell.__dict__['set_state'])

class Adder:
    def __init__(self, base):
        self.base = base
    def add(self, *nums):
        return self.base + sum(nums)
    add_ten = partialmethod(add, 10)
    add_lambda = partialmethod(lambda self, x, y: (self.base, x, y), 'x')
a = Adder(5)
print(a.add_ten(), a.add_ten(1, 2), a.add_lambda('y'), Adder.add_ten(Adder(1)))
try:
    partialmethod(3)
except TypeError as e:
    print('TypeError', e)

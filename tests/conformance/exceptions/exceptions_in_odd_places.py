# Exceptions from comprehensions, default arguments, operators, iteration and dunder methods.
def run(label, fn):
    try:
        print(label, '->', fn())
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
run('comprehension', lambda: [1 / x for x in (1, 0)])
run('dict comprehension', lambda: {k: {}[k] for k in 'a'})
run('generator in sum', lambda: sum(10 // x for x in (5, 2, 0)))
run('sorted key', lambda: sorted([1, 'a', 2], key=lambda v: v + 1))
run('max of empty', lambda: max([]))
run('min of empty', lambda: min(()))
run('next exhausted', lambda: next(iter([])))
run('unhashable in set', lambda: {[1]})
run('str * str', lambda: 'a' * 'b')
nothing = None
five = 5
run('None call', lambda: nothing())
run('int attr', lambda: (5).foo)
run('None subscript', lambda: nothing[0])
run('dict.update bad', lambda: {}.update([1]))
run('tuple unpack', lambda: dict([(1, 2, 3)]))
run('index on int', lambda: five[0])
run('len int', lambda: len(5))
run('float(str)', lambda: float('x1'))
run('chr big', lambda: chr(2**40))
run('list.remove', lambda: [].remove(0))
run('bad format', lambda: '{:q}'.format(1))
class Exploding:
    def __eq__(self, other):
        raise RuntimeError('eq exploded')
    __hash__ = None
run('in list with exploding eq', lambda: Exploding() in [1, 2])
run('list.index exploding', lambda: [1].index(Exploding()))
class BadIter:
    def __iter__(self):
        return 5
run('iter returns non-iterator', lambda: list(BadIter()))
class RaisingIter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise ValueError('stopped mid-iteration')
        return self.i
collected = []
try:
    for v in RaisingIter():
        collected.append(v)
except ValueError as e:
    print('partial', collected, e)
def gen_default(x=[]):
    x.append(1)
    if len(x) > 1:
        raise OverflowError('second call')
    return x
run('default 1', gen_default)
run('default 2', gen_default)

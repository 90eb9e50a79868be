# partial: pre-filled arguments for callbacks, keyword overrides, nested partials
# flattening, partials stored on classes binding like methods (3.14), attributes.
from functools import partial

def log(level, msg, *, sep=': '):
    return f'{level}{sep}{msg}'

warn = partial(log, 'WARN')
err = partial(log, 'ERR', sep=' - ')
print(warn('disk low'), err('boom'), err('boom', sep='|'), warn(msg='kw msg'))
print(warn.func is log, warn.args, warn.keywords, err.keywords)

basetwo = partial(int, base=2)
print(basetwo('1011'), basetwo('17', base=8), [basetwo(s) for s in ['1', '10', '111']])

handlers = []
def on_click(button, event, extra=None):
    return f'{button} got {event} ({extra})'
for name in ['ok', 'cancel']:
    handlers.append(partial(on_click, name, extra=name.upper()))
print([h('click') for h in handlers])

# Nested partials flatten.
p = partial(partial(max, 1, key=abs), -5)
print(p(3), p.func is max, p.args, p.keywords)

# Partial with attributes keeps its own __dict__.
q = partial(pow, 2)
q.note = 'powers of two'
print(q(10), q.note, q.__dict__)

# In 3.14 a partial stored on a class binds like a method.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, greeting, punct):
        return f'{greeting}, {self.name}{punct}'
    hello = partial(greet, greeting='Hello')
    shout = staticmethod(partial(str.upper))
g = Greeter('Ada')
print(g.hello(punct='!'), Greeter.hello(g, punct='?'), g.shout('quiet'))

# sorted/map with partials.
def dist(origin, p):
    return abs(p[0] - origin[0]) + abs(p[1] - origin[1])
pts = [(3, 4), (0, 1), (5, 5), (-2, 0)]
print(sorted(pts, key=partial(dist, (0, 0))), list(map(partial(dist, (5, 5)), pts)))
print(callable(warn), type(warn).__name__, type(warn).__module__)
try:
    partial()
except TypeError as e:
    print('TypeError', e)
try:
    partial(3)
except TypeError as e:
    print('TypeError', e)

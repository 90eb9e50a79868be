# __enter__/__exit__ call order, the value bound by `as`, and exit arguments.
class CM:
    def __init__(self, name):
        self.name = name
        print('init', name)
    def __enter__(self):
        print('enter', self.name)
        return 'resource-' + self.name
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type, exc, tb is None)
        return False
with CM('a') as r:
    print('body got', r)
print('after with')
with CM('b'):
    print('body without as')
class ReturnsSelf:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print('exit args:', args)
    def hello(self):
        return 'hello from self'
with ReturnsSelf() as me:
    print(me.hello(), type(me).__name__)
class ReturnsNone:
    def __enter__(self):
        pass
    def __exit__(self, t, v, tb):
        pass
with ReturnsNone() as nothing:
    print('as-target is', nothing)
with CM('x') as (first, *rest):
    print('unpacked enter value', first, rest[:3])
holder = {}
with CM('y') as holder['key']:
    pass
print(holder)
def expr():
    print('evaluating context expression')
    return CM('z')
with expr() as v:
    print('body', v)

# __init__ behaviour: return values, attribute creation order, instance dicts.
class Tracker:
    created = []
    def __init__(self, name, tags=None):
        self.name = name
        self.tags = tags if tags is not None else []
        Tracker.created.append(name)
    def tag(self, t):
        self.tags.append(t)
        return self
t1 = Tracker('one').tag('x').tag('y')
t2 = Tracker('two', ['pre'])
print(t1.name, t1.tags, t2.tags, Tracker.created)
setattr(t1, 'injected', 5)
print(t1.injected, getattr(t1, 'name'), hasattr(t2, 'injected'))
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print('TypeError:', e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print('TypeError:', e)
class Chain:
    def __init__(self, v):
        self.v = v
    def next(self):
        return Chain(self.v + 1)
print(Chain(1).next().next().v)
class WithClassCounter:
    n = 0
    def __init__(self):
        type(self).n += 1
        self.id_no = type(self).n
class SubCounter(WithClassCounter):
    pass
a = WithClassCounter(); b = WithClassCounter(); c = SubCounter(); d = SubCounter()
print(a.id_no, b.id_no, c.id_no, d.id_no, WithClassCounter.n, SubCounter.n)
class Method:
    def m(self):
        return self
obj = Method()
bound = obj.m
print(bound() is obj, obj.m == obj.m, obj.m is obj.m, Method().m == obj.m)
print(type(bound).__name__, bound.__name__)
def external(self):
    return 'external for ' + type(self).__name__
Method.ext = external
print(obj.ext(), Method().ext())

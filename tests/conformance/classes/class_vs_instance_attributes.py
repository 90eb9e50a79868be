# Class attributes are shared until shadowed by instance attributes.
class Counter:
    total = 0
    shared_list = []
    label = 'class label'
    def __init__(self, name):
        self.name = name
        Counter.total += 1
        self.shared_list.append(name)
a = Counter('a')
b = Counter('b')
print(Counter.total, a.total, b.total, Counter.shared_list, a.shared_list is b.shared_list)
a.label = 'instance label'
print(a.label, b.label, Counter.label)
Counter.label = 'changed on class'
print(a.label, b.label)
del a.label
print(a.label)
a.total = 99
print(a.total, b.total, Counter.total)
a.shared_list = ['own']
print(a.shared_list, b.shared_list)
b.shared_list.append('via b')
print(Counter.shared_list)
Counter.new_attr = 'added later'
print(a.new_attr, b.new_attr)
a.dynamic = 1
print(hasattr(a, 'dynamic'), hasattr(b, 'dynamic'), getattr(b, 'dynamic', 'missing'))
try:
    b.dynamic
except AttributeError as e:
    print('AttributeError:', e)
try:
    Counter.nothing
except AttributeError as e:
    print('AttributeError:', e)
class Sub(Counter):
    label = 'sub label'
s = Sub('s')
print(s.label, s.total, Counter.total, Sub.total, s.shared_list[-1])
Sub.total = 1000
print(Sub.total, Counter.total)
class Meth:
    def f(self):
        return 'method'
m = Meth()
m.f = lambda: 'instance attr shadows method'
print(m.f(), Meth().f(), Meth.f(m))

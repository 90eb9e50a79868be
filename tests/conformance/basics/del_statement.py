# del on names, items, slices, attributes.
x = 1
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError:', e)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print('NameError:', e)
try:
    print(b)
except NameError as e:
    print('NameError:', e)
class C:
    cls_attr = 'c'
obj = C()
obj.x = 5
print(obj.x)
del obj.x
print(hasattr(obj, 'x'))
try:
    del obj.x
except AttributeError as e:
    print('AttributeError:', e)
del C.cls_attr
print(hasattr(C, 'cls_attr'))
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
lst = [1, 2, 3]
try:
    del lst[5]
except IndexError as e:
    print('IndexError:', e)
def f():
    y = 10
    del y
    try:
        return y
    except UnboundLocalError as e:
        return 'UnboundLocalError: ' + str(e)
print(f())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print('TypeError:', e)

# Comprehension loop variables do not leak; class-body scoping; closures.
x = 'outer x'
squares = [x * 2 for x in range(3)]
print(squares, x)
i = 'outer i'
total = sum(i for i in range(5))
print(total, i)
d = {i: i for i in range(3)}
s = {i for i in range(3)}
print(d, s, i)
funcs = [lambda: n for n in range(3)]
print([f() for f in funcs])
funcs = [lambda n=n: n for n in range(3)]
print([f() for f in funcs])
def outer():
    y = 10
    return [y + v for v in range(3)]
print(outer())
class K:
    factor = 3
    values = [v for v in range(3)]
    try:
        scaled = [factor * v for v in range(3)]
    except NameError as e:
        scaled = 'NameError: ' + str(e)
    from_first_iterable = [v for v in range(factor)]
print(K.values, K.scaled, K.from_first_iterable)
def shadow():
    v = 'function v'
    lst = [v for v in 'ab']
    return lst, v
print(shadow())
def nonlocal_inside():
    count = 0
    def bump(v):
        nonlocal count
        count += v
        return count
    r = [bump(v) for v in range(4)]
    return r, count
print(nonlocal_inside())
n = 5
print([n for n in range(n)], n)
data = [[1, 2], [3]]
print([x for x in data for x in x])
try:
    print([z for z in range(3)], z)
except NameError as e:
    print('NameError:', e)

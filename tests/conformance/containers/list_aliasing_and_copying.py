# Aliasing, shallow copies and mutation visibility.
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
e = a.copy()
a[0] = 100
a[1].append(4)
print(a, b, c, d, e)
print(a is b, a is c, a[1] is c[1], a[1] is e[1])
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
bad = [[0] * 3] * 3
bad[1][1] = 5
print(bad)
def mutate(lst):
    lst.append('m')
    lst = ['rebound']
    lst.append('x')
    return lst
orig = [1]
print(mutate(orig), orig)
dct = {'k': [1]}
dcopy = dct.copy()
dcopy['k'].append(2)
dcopy['j'] = 0
print(dct, dcopy)
s = {1, 2}
s2 = s
s2.add(3)
print(s)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2)
x = [1, 2, 3]
for item in x:
    if item == 2:
        x.remove(item)
print(x)
y = [1, 2, 3, 4]
for i, item in enumerate(y):
    y.append(item) if i < 2 else None
print(y)
z = [0, 1, 2]
z[z[0]] = z[2]
print(z)

# Every list method, including edge cases and error messages.
a = [3, 1, 2]
a.append(4); print(a)
a.extend([5, 6]); a.extend(range(7, 9)); a.extend('ab'); a.extend(()); print(a)
a.insert(0, 'first'); a.insert(-1, 'before-last'); a.insert(100, 'end'); a.insert(-100, 'start'); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(1), a)
a.remove('a'); print(a)
print(a.index(5), a.index(2), a.count(2), a.count(99))
b = [1, 2, 1, 2, 1]
print(b.index(1, 1), b.index(1, -1), b.index(2, 2, 4), b.count(1))
c = b.copy(); c.append('x'); print(b, c, c is b)
b.reverse(); print(b)
b.clear(); print(b, len(b))
for bad in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].index(2),
            lambda: [1, 2, 3].index(1, 1)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ':', e)
l = [0] * 3
print(l, [[]] * 2, [1, 2] * 0, [1] * -1)
nested = [[]] * 3
nested[0].append(1)
print(nested)
l = [1, 2, 3, 4, 5]
l[1:3] = ['a', 'b', 'c']; print(l)
l[::2] = [0, 0, 0]; print(l)
l[:0] = [-1]; print(l)
l[len(l):] = [99]; print(l)
l[1:4] = []; print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print('ValueError:', e)
l[-1] = 'last'; print(l)
try:
    l[10] = 1
except IndexError as e:
    print('IndexError:', e)
e = [1, 2]
e.extend(e); print(e)
e += e; print(e)
e.append(e); print(e)
print(list(), list((1, 2)), list('hi'), list({'a': 1}), list(range(3)))
print([1, 2] + [3], [1, 2] == [1, 2], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])

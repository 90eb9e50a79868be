# for loops over many iterables; else, break, continue, nesting.
for ch in 'abc':
    print(ch, end=',')
print()
for i in range(3):
    pass
print('after loop i =', i)
for x in []:
    print('never')
else:
    print('empty for: else still runs')
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print('not printed')
print('broke at', x)
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=' ')
print()
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print('even', i)
else:
    print('not printed either')
for i, row in enumerate([[1, 2], [3, 4], [5, 6]]):
    for j, v in enumerate(row):
        if v == 4:
            print('found 4 at', (i, j))
            break
    else:
        continue
    break
for k, v in {'a': 1, 'b': 2}.items():
    print(k, v)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
items = [1, 2, 3]
for it in items:
    if it < 3:
        items.append(it * 10)
print(items)
total = 0
for v in range(100, 0, -7):
    total += v
print(total)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i:
            break
        print((i, j), end=' ')
print()
for _ in range(2):
    try:
        continue
    finally:
        print('finally on continue')
for q in range(5):
    q = q * 100
    print(q, end=' ')
print()

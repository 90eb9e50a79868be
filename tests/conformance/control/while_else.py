# while loops with else, break and continue.
i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print('i =', i)
else:
    print('while-else runs when no break; i =', i)
n = 0
while True:
    n += 1
    if n * n > 50:
        break
print('stopped at', n)
k = 10
while k > 0:
    if k == 7:
        print('break at 7')
        break
    k -= 1
else:
    print('not printed')
j = 0
while j < 0:
    print('body never runs')
else:
    print('else runs for zero iterations')
def find(lst, target):
    idx = 0
    while idx < len(lst):
        if lst[idx] == target:
            print('found', target, 'at', idx)
            break
        idx += 1
    else:
        print(target, 'not found')
find([4, 5, 6], 5)
find([4, 5, 6], 9)
find([], 1)
a, b = 0, 1
fibs = []
while b < 200:
    fibs.append(b)
    a, b = b, a + b
print(fibs)
stack = [1, [2, [3, [4]]]]
depth = 0
while stack:
    depth += 1
    stack = stack[-1] if isinstance(stack[-1], list) else []
print('depth', depth)
count = 0
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        inner += 1
        if inner == 2:
            continue
        count += 1
    outer += 1
print('count', count)
x = 100
while x:
    x //= 3
    print(x, end=' ')
print()

# Order of side effects inside comprehensions and exceptions mid-way.
log = []
def note(v):
    log.append(v)
    return v
result = [note(x) for x in range(3) if note(-x - 1) is not None]
print(result, log)
log.clear()
d = {note('k%d' % i): note('v%d' % i) for i in range(2)}
print(d, log)
acc = []
try:
    [acc.append(10 // x) for x in [5, 2, 0, 1]]
except ZeroDivisionError as e:
    print('partial', acc, e)
count = 0
def counted(v):
    global count
    count += 1
    return v % 2 == 0
print([v for v in range(6) if counted(v)], count)
lst = [1, 2, 3]
copy = [lst.append(v) or v for v in lst[:2]]
print(copy, lst)
m = [[0] * 2 for _ in range(2)]
m[0][0] = 1
print(m)

# range: construction, repr, len, indexing, slicing, membership, negative steps.
rs = [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -1), range(10, 0, -3), range(0),
      range(5, 5), range(5, 0), range(-5, 5, 2), range(0, -10, -4), range(1, 2, 100), range(2**70, 2**70 + 3)]
for r in rs:
    print(repr(r), len(r), list(r), bool(r))
r = range(10, -10, -3)
print(r[0], r[-1], r[2], r[-2], r[1:3], r[::-1], r[::2], r[10:], r[-3:], list(r[::-1]))
print(r.index(4), r.count(4), r.count(5), 1 in r, 2 in r, -8 in r, 10 in r)
print(range(10)[::-1], range(10)[3:7], range(10)[-100:100], range(0, 10, 2)[::-2], range(5)[5:])
try:
    range(3)[3]
except IndexError as e:
    print('IndexError:', e)
try:
    range(0, 10, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
try:
    range(3).index(5)
except ValueError as e:
    print('ValueError:', e)
print(range(3) == range(3), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(3) == [0, 1, 2])
print(r.start, r.stop, r.step, range(4).start, range(4).step)
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
print(list(reversed(range(1, 10, 4))), 2**64 in range(-2**65, 2**65), range(-2**65, 2**65)[-1])
try:
    len(range(-2**65, 2**65))
except OverflowError as e:
    print('OverflowError:', e)
print(range(2**70)[2**69], range(0, 2**70, 3)[-1])
print(3.0 in range(5), 'x' in range(5), True in range(2))

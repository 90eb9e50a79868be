# min/max with key= and default=, sum with start, abs of numbers.
print(min(3, 1, 2), max(3, 1, 2), min([4, -1, 7]), max('hello'), min('b', 'a', 'c'))
print(max([1, 5, 3], key=lambda v: -v), min(['aaa', 'b', 'cc'], key=len), max(['aaa', 'b', 'cc'], key=len))
print(max([], default='empty'), min((), default=None), max([2], default=0), min([], key=abs, default=-1))
print(max([1, 3, 3, 2], key=lambda v: v // 2), max([(1, 'a'), (1, 'b')], key=lambda p: p[0]))
print(min([(1, 'a'), (1, 'b')], key=lambda p: p[0]), max(['b', 'B', 'a'], key=str.lower))
print(max(1, 2.5), min(-0.0, 0), max(0, -0.0), max(True, 1), max(1, True), max([2**70, 1e20]))
print(max({3: 'a', 9: 'b'}), min(range(5, 10)), max(x * x for x in range(-5, 3)))
for bad in (lambda: max([]), lambda: min(), lambda: max(1), lambda: max([1, 'a']), lambda: max(1, 2, default=0)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(101)), sum([0.5, 0.25]), sum([True, True, False]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([1, 2.5]), sum([2**64, 2**64]), sum([], 0.0))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum(x / 10 for x in range(5)), sum(range(5), start=100))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
try:
    sum([1, 'a'])
except TypeError as e:
    print('TypeError:', e)
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(True), abs(-2**100), abs(float('-inf')), type(abs(-True)).__name__)
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)

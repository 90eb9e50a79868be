# map, filter, any, all: laziness and edge cases.
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(filter(None, [0, 1, '', 'x', [], [0], None, False, 2.5])), list(filter(lambda v: v > 2, range(6))))
m = map(lambda v: print('  mapping', v) or v * 2, [1, 2, 3])
print('map created', type(m).__name__)
print(next(m))
print(list(m))
print(list(m))
f = filter(lambda v: v % 2, range(5))
print(type(f).__name__, next(f), list(f))
print(any([]), all([]), any([0, 0.0, '']), all([1, 'a', [0]]), any([0, 1]), all([1, 0]))
def noisy(v):
    print('  checked', v)
    return v
print(any(noisy(v) for v in [0, 3, 5]))
print(all(noisy(v) for v in [1, 0, 5]))
print(any(x > 10 for x in range(5)), all(isinstance(x, int) for x in [1, True, 2**80]))
print(list(map(int, '1 2 3'.split())), sum(map(len, ['ab', 'cde'])))
print(list(map(lambda *a: a, 'ab', 'cd', 'ef')))
try:
    list(map(lambda v: 1 / v, [1, 0]))
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    any(5)
except TypeError as e:
    print('TypeError:', e)

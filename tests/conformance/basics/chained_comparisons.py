# Chained comparisons evaluate each operand at most once and short-circuit.
def v(x, tag):
    print('eval', tag)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 1)
print(1 < 2 > 0, 1 <= 1 >= 1, 0 < 0 <= 0)
print('---')
print(v(1, 'a') < v(2, 'b') < v(3, 'c'))
print('---')
print(v(3, 'a') < v(2, 'b') < v(1, 'c'))
print('---')
print(v(1, 'a') < v(5, 'b') > v(2, 'c') == v(2, 'd'))
print('---')
x = 5
print(0 < x < 10, 0 < x < 5, x == 5 == 5.0)
print(1 < 2 == True)
print('a' < 'b' < 'c', 'b' < 'a' < 'c')
print([1, 2] < [1, 3] < [2], (1,) < (1, 0))
print(1 in [1, 2] in [[1, 2]])
print(2 not in [1] not in [[2]])
a = b = [1]
print(a is b is a, a is b is not None)
r = 1 < 2 < 3 < 4 < 5 < 6
print(r, type(r).__name__)
r = 1 < 2 and 'x'
print(r)

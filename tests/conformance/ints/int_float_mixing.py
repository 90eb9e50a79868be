# Mixed int/float arithmetic and comparisons.
print(1 + 1.0, 3 * 0.5, 10 - 0.25, 7 / 2, 7 // 2.0, 7 % 2.5, -7 // 2.0, -7 % 2.0)
print(type(1 + 1.0).__name__, type(2 * 3).__name__, type(4 / 2).__name__)
print(1 == 1.0, 1.0 == True, 2**53 == 2.0**53, 2**53 + 1 == 2.0**53 + 1)
print(2**53 + 1 > 2.0**53, 2**53 + 1 == float(2**53 + 1), float(2**53 + 1))
print(10**20 == 1e20, 10**22 == 1e22, 10**23 == 1e23, int(1e23))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1 - 0.9)
print(divmod(7, 2.0), divmod(-7, 2.0), divmod(7.5, -2))
print(True + 0.5, False * 2.5)
print(3 < 3.5 < 4, -1 < -0.5, 0 == -0.0)
print(max(1, 1.0), max(1.0, 1), min(2, 2.0), min(2.0, 2))
print(sum([1, 2.5, 3]), sum([1, 2]), sum([0.1] * 10))
print(abs(-3.5), abs(-3), round(2.5), round(3.5), round(-2.5))
print(2**1000 > 1e300, 2**1024 > 1e308, -2**1024 < -1e308)
try:
    print(2**1024 + 1.0)
except OverflowError as e:
    print('OverflowError:', e)
try:
    print(float(2**1024))
except OverflowError as e:
    print('OverflowError:', e)
try:
    print(2**1100 / 2)
except OverflowError as e:
    print('OverflowError:', e)
print(2**1100 // 2**1000, (2**1100) / (2**1099))
print(5 / 0.5, 1e308 * 10, -1e308 * 10)
x = 5
x += 0.5
print(x, type(x).__name__)
print(hash(1) == hash(1.0), hash(0) == hash(-0.0), hash(2**64) == hash(float(2**64)))

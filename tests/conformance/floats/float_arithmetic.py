# Basic float arithmetic, rounding errors and conversions.
print(0.1 + 0.2, 0.3 - 0.1, 1.1 + 2.2, 3.3 * 3, 1.0 / 3.0, 2.0 / 3.0)
print(1e16 + 1, 1e16 + 2, 1e15 + 0.3, 0.1 * 0.1, 1 / 7)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, sum([0.1] * 10))
print(1.5 * 2, 3.0 - 3, 2.5 // 1, -2.5 // 1, 2.5 % 1, -2.5 % 1)
print(int(2.9), int(-2.9), int(1e15 + 0.5), int(123456789.999))
print(abs(-1.5), -(-1.5), +1.5, abs(-0.0))
print(float(1 / 3) * 3, (1 / 3) * 3 == 1.0, 0.1 + 0.7, 4.35 * 100)
print(1.0.is_integer(), 7.0 / 2, 7.0 // 2)
x = 1.0
for _ in range(60):
    x /= 2
print(x, x * 2**60)
y = 1.0
while y + 1.0 != 1.0:
    y /= 2
print('epsilon/2 =', y)
print(1e308 * 10 == float('inf'), 5e-324 / 2, -5e-324 / 2)
print(3.0 * 1.1, 1.1 + 1.1 + 1.1, 0.57 * 100, 1.15 * 100, 2.3 * 3)
print(2.0 ** 0.5 * 2.0 ** 0.5, 10.0 ** -2, 9.0 ** 0.5, 1e-3 * 1e3)

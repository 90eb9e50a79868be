# Integers grow without bound; arithmetic crosses machine-word limits exactly.
print(2**63 - 1, 2**63, 2**64, 2**64 + 1, -2**63, -2**63 - 1, -2**64)
big = 2**200
print(big)
print(big + 1, big - 1, -big)
print(big * big)
print(big // 3, big % 3)
print((2**64 - 1) * (2**64 - 1))
x = 9223372036854775807
print(x + 1, x * 2, x * x, -x - 2)
print(abs(-2**100), abs(2**100))
f = 1
for i in range(1, 31):
    f *= i
print('30! =', f)
print(f // (2**26), f % 1000007)
print(10**50 - 10**49)
print(3**100)
print((-3)**101)
print(2**64 == 18446744073709551616, 2**64 > 2**63, -2**64 < -2**63)
print(2**100 == 2**100, 2**100 != 2**100 + 1)
print(int('1' * 40) + 1)
print(sum(range(10**6, 10**6 + 10)) * 10**30)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, b - a, a * b)
print(b // a, b % a, divmod(b, a), divmod(-b, a))
print(hash(2**61 - 1), hash(2**61), hash(-2**61), hash(2**64), hash(-1), hash(-2))
print(str(2**128), len(str(2**1000)))
print(-(-2**63), 0 - 2**63)
print(1 << 64, (1 << 64) >> 63, 1 << 0)
print(type(2**100).__name__, isinstance(2**100, int))
n = 1
for _ in range(100):
    n = n * 7 + 3
print(n)
print(n % 10**9)

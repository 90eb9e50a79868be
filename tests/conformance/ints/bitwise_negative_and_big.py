# Bitwise operations behave like infinite two's complement.
vals = [0, 1, -1, 5, -5, 255, -256, 2**64, -2**64, 2**64 - 1, 2**100 + 12345, -(2**100) - 7]
for a in vals:
    print(a, ~a, a & 0xFF, a | 1, a ^ -1, a >> 1, a >> 100, a << 3)
print(-5 & 3, -5 | 3, -5 ^ 3, 5 & -3, 5 | -3, 5 ^ -3, -5 & -3, -5 | -3, -5 ^ -3)
print(-1 >> 1, -1 >> 1000, -2 >> 1, -3 >> 1, -(2**100) >> 99)
print(1 << 100, -1 << 100, 0 << 1000)
print((2**128 - 1) & (2**64), (2**128 - 1) ^ (2**127), 2**70 | 2**3)
print(-2**64 & (2**64 - 1), -2**64 & (2**65 - 1))
try:
    1 << -1
except ValueError as e:
    print('ValueError:', e)
try:
    1 >> -1
except ValueError as e:
    print('ValueError:', e)
try:
    1.0 & 1
except TypeError as e:
    print('TypeError:', e)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
print(~int(True), ~int(False))
x = 0b1010_1010
print(x & ~0b1111, bin(x ^ 0xFF), bin(-x))
print(0x7FFFFFFFFFFFFFFF + 1 == 1 << 63)

# divmod and round on ints (ndigits, half-even, negatives).
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 1), (2**65, 10), (-(2**65), 10)]:
    print(a, b, divmod(a, b))
print(round(5), round(-5), type(round(5)).__name__, round(5, 2), type(round(5, 2)).__name__)
for n in [0, 5, 15, 25, 35, 45, -5, -15, -25, 149, 150, 151, 250, 350, -250, 12345, 2**70 + 50]:
    print(n, round(n, -1), round(n, -2), round(n, -3))
print(round(123456, -10), round(-999, -3), round(999, -3), round(500, -3), round(1500, -3))
print(round(2**100, -30))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), type(round(2.5)).__name__)
print(round(7, 0), round(True), round(True, 1))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    divmod('a', 1)
except TypeError as e:
    print('TypeError:', e)

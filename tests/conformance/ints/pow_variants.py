# ** and pow() including 3-argument form and negative exponents.
print(2 ** 10, 2 ** 0, 0 ** 0, 0 ** 5, (-2) ** 3, (-2) ** 4, 1 ** 10**6)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, type(2 ** -1).__name__)
print(pow(2, 10), pow(2, -1), pow(-8, 1))
print(pow(2, 10, 1000), pow(3, 200, 10**9 + 7), pow(2, 2**70, 97))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5), pow(7, 0, 1), pow(7, 0, 5))
print(pow(3, -1, 7), pow(2, -1, 11), pow(5, -2, 13), pow(-3, -1, 7))
print(pow(38, -1, 97) * 38 % 97)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1/3), 2.0 ** 3, 2 ** 3.0)
print((-8) ** 2.0, (-1) ** 0.0)
print(10 ** 20, 10 ** 20 == 100000000000000000000)
print(pow(10, 25) // pow(10, 24))
print(2 ** 64 ** 1, (2 ** 64) ** 2)
print(pow(True, 5), pow(False, 0))
print(1.5 ** 2, 0.0 ** 0, 0.5 ** -1)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print('OverflowError raised')
print(10 ** 400 > 0, len(str(10 ** 400)))

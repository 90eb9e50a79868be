# Floor division and modulo follow the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3),
         (1, 10), (-1, 10), (1, -10), (-1, -10), (2**70, 3), (-2**70, 3), (2**70, -7),
         (-(2**100) - 1, 2**64), (12345678901234567890, -98765), (5, 1), (-5, 1)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, q * b + r == a, divmod(a, b) == (q, r))
print(-1 // 2**100, 1 // -2**100, -1 % 2**100 == 2**100 - 1)
print(7 // 7, -7 // 7, 7 % 7, -7 % 7)
for a in range(-5, 6):
    print(a, a // 3, a % 3, a // -3, a % -3)
for bad in (0,):
    for a in (1, -1, 0, 2**80):
        try:
            print(a // bad)
        except ZeroDivisionError as e:
            print('//', e)
        try:
            print(a % bad)
        except ZeroDivisionError as e:
            print('%', e)
        try:
            print(divmod(a, bad))
        except ZeroDivisionError as e:
            print('divmod', e)
        try:
            print(a / bad)
        except ZeroDivisionError as e:
            print('/', e)
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__, 1 / 3)
print(2**100 / 2**99, (10**20 + 1) / 10**20)
print(True // 2, True % 2, False // 1, -True // 2)

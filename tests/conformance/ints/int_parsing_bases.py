# int() from strings with bases, signs, whitespace, underscores; errors.
cases = [('42', 10), ('-42', 10), ('+42', 10), ('  42  ', 10), ('\t-7\n', 10), ('0', 10),
         ('000', 10), ('1_000', 10), ('ff', 16), ('FF', 16), ('0xff', 16), ('0XfF', 0),
         ('0o17', 0), ('0b101', 0), ('101', 2), ('-0b101', 0), ('z', 36), ('ZZ', 36),
         ('777', 8), ('0o777', 8), ('12', 3), ('  -0x_1_f  ', 0), ('10', 0), ('0', 0),
         ('00', 0), ('1' * 30, 2), ('123456789012345678901234567890', 10)]
for s, base in cases:
    print(repr(s), base, int(s, base))
print(int(), int(3.9), int(-3.9), int(True), int(1e20), int(-0.0), int('  12  '))
print(int(2**100), int('-' + '9' * 25))
bad = [('', 10), ('abc', 10), ('1.5', 10), ('0x', 16), ('12', 2), ('_1', 10), ('1__0', 10),
       ('1_', 10), ('08', 0), (' ', 10), ('- 1', 10), ('0b2', 0), ('++1', 10)]
for s, base in bad:
    try:
        print(int(s, base))
    except ValueError as e:
        print('ValueError:', e)
for base in (1, 37, -1):
    try:
        int('1', base)
    except ValueError as e:
        print('ValueError:', e)
try:
    int(10, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
try:
    int([1])
except TypeError as e:
    print('TypeError:', e)
for v in (float('inf'), float('-inf')):
    try:
        int(v)
    except OverflowError as e:
        print('OverflowError:', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError:', e)

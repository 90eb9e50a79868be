# ZeroDivisionError messages for float operations.
ops = [
    ('1.0 / 0', lambda: 1.0 / 0),
    ('1 / 0.0', lambda: 1 / 0.0),
    ('0.0 / 0.0', lambda: 0.0 / 0.0),
    ('1.0 // 0.0', lambda: 1.0 // 0.0),
    ('1.0 % 0.0', lambda: 1.0 % 0.0),
    ('divmod(1.0, 0.0)', lambda: divmod(1.0, 0.0)),
    ('5 % -0.0', lambda: 5 % -0.0),
    ('inf / 0', lambda: float('inf') / 0),
    ('nan / 0', lambda: float('nan') / 0),
    ('1 / 0', lambda: 1 / 0),
    ('0 ** -1.0', lambda: 0 ** -1.0),
    ('0.0 ** -2', lambda: 0.0 ** -2),
]
for name, fn in ops:
    try:
        print(name, '=', fn())
    except ZeroDivisionError as e:
        print(name, '->', type(e).__name__, e)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1.0, 0.1), 1.0 // 0.1, 1.0 % 0.1)
print(6.0 % 3.0, -6.0 % 3.0, 6.0 % -3.0, 0.0 % 5, -0.0 % 5, 1e-300 % 1)
print(-1e-20 % 1.0, (-1e-20) // 1.0)
print((-8.0) ** 3, (-8.0) ** -1, 2.0 ** 1023 > 1e300, 2.0 ** -1074, 2.0 ** -1075)
try:
    print(2.0 ** 1024)
except OverflowError as e:
    print('OverflowError raised')

# float.is_integer, round() with and without ndigits (half-even, binary repr).
for v in [0.0, -0.0, 1.0, 1.5, -2.0, 1e20, 1e-20, 2.0**60 + 0.0, 0.1 * 10]:
    print(v, v.is_integer())
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.5000001, 1e20, -3.7, 3.7]:
    print(v, round(v), type(round(v)).__name__)
for v, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (2.5, 0), (3.5, 0), (1.25, 1),
             (1.35, 1), (-1.25, 1), (123.456, -1), (123.456, -2), (1234.5, -3), (0.5, -1),
             (1e300, -300), (5e-324, 300), (1.23456789, 5), (-0.001, 2), (0.0, 3), (15.0, -1),
             (25.0, -1), (-25.0, -1), (1.5, 10), (12.34, 1)]:
    r = round(v, n)
    print(v, n, r, type(r).__name__)
print(round(float('inf'), 2), round(float('nan'), 2), round(-0.0, 1), round(0.0001, 2))
for bad in (float('inf'), float('-inf')):
    try:
        round(bad)
    except OverflowError as e:
        print('OverflowError:', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError:', e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print('TypeError:', e)
print(round(1.5, None), type(round(1.5, None)).__name__)

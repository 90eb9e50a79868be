# %-formatting argument handling: single values, tuples, nested tuples, dicts.
print('%s' % 'single', '%s' % 5, '%r' % (None,), '%s|%s' % ('a', 'b'))
t = (1, 2)
print('%s' % (t,), '%s %s' % t, '%r' % (t,))
try:
    print('%s' % t)
except TypeError as e:
    print('TypeError:', e)
print('%s' % [1, 2], '%s' % {'a': 1}, '%(a)s' % {'a': [1]})
d = {'name': 'Zed', 'n': 3, 'ratio': 0.4567}
print('%(name)s has %(n)d items (%(ratio).2f)' % d)
print('%(name)r %(name)s %(n)05d %(n)x' % d)
print('%(n)s %(n)s' % d, '%%(n)s' % ())
print('%d items' % len('abc'), 'value: %s' % (1 + 1,), 'x=%d y=%d' % divmod(17, 5))
print('%5s|%-5s|%5d|%-5d|%05d|' % ('ab', 'ab', 12, 12, -12))
print('%.1f %.3f %5.1f %-8.2f|' % (0.05, 2 / 3, -0.25, 1e3))
print('%x %x %x' % (0, 255, -16), '%s' % True, '%d' % False, '%r' % 1.0)
row = ('widget', 3, 4.5)
print('%-10s %3d @ %6.2f = %8.2f' % (row + (row[1] * row[2],)))
try:
    print('%(a)s %s' % {'a': 1})
except TypeError as e:
    print('TypeError:', e)
try:
    print('%s %(a)s' % ({'a': 1},))
except TypeError as e:
    print('TypeError:', e)
try:
    print('%' % ())
except ValueError as e:
    print('ValueError:', e)
print('%s' % ((1, 2),), '%s-%s' % ((1, 2), [3]))

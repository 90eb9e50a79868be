# printf-style % formatting.
print('%d' % 42, '%d' % -42, '%d' % 3.99, '%d' % True, '%d' % 2**70)
print('%s' % 'str', '%s' % 42, '%s' % [1, 'a'], '%s' % None, '%s' % (1,), '%s' % ((1, 2),))
print('%r' % 'str', '%r' % 42, '%r' % "it's", '%r' % [1, 'a'])
print('%5.2f|' % 3.14159, '%.2f|' % -2.5, '%5.2f|' % 1234.5678, '%.0f|' % 2.5, '%.0f|' % 3.5, '%f' % 1.5)
print('%x' % 255, '%x' % -255, '%x' % 2**64, '%5d|' % 42, '%-5d|' % 42, '%05d' % 42, '%05d' % -42)
print('100%%' % (), '%d%%' % 50, '%%%s%%' % 'x', '%s and %s' % ('a', 'b'))
print('%(name)s is %(age)d' % {'name': 'Bo', 'age': 7}, '%(x)r' % {'x': 'y'})
print('%s' % {'k': 1}, '%(k)s' % {'k': 1})
print('%10s|%-10s|' % ('right', 'left'), '%.3s|' % 'truncate', '%5.1s|' % 'abc')
print('%3d|%3d|%3d' % (1, 22, 333), '%s-%s' % (1, 2))
try:
    print('%d %d' % (1,))
except TypeError as e:
    print('TypeError:', e)
try:
    print('%d' % (1, 2))
except TypeError as e:
    print('TypeError:', e)
try:
    print('%d' % 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    print('%(missing)s' % {'a': 1})
except KeyError as e:
    print('KeyError:', e)
try:
    print('%z' % 1)
except ValueError as e:
    print('ValueError:', e)
try:
    print('%s %s' % [1, 2])
except TypeError as e:
    print('TypeError:', e)
print('%s' % [1, 2], '%s %s' % tuple([1, 2]))
print('no args' % (), '%s' % '', '%5s|' % '')
print('%.2f' % float('inf'), '%5.1f' % float('nan'), '%d' % -0.0, '%.1f' % -0.0)

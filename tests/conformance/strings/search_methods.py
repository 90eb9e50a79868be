# find, rfind, index, rindex, count, startswith, endswith.
s = 'the quick brown fox jumps over the lazy dog'
print(s.find('the'), s.rfind('the'), s.find('cat'), s.find(''), s.rfind(''), s.find('the', 1))
print(s.find('o', 13, 16), s.find('o', 13, 17), s.find('o', -10), s.rfind('o', 0, 20), s.find('', 100))
print(s.index('quick'), s.rindex('o'), s.count('o'), s.count('the'), s.count(''), s.count('o', 20))
print('aaaa'.count('aa'), 'aaaa'.find('aa', 1), ''.count(''), 'abc'.count('', 1, 2), 'abc'.count('d'))
try:
    s.index('cat')
except ValueError as e:
    print('ValueError:', e)
try:
    s.rindex('cat')
except ValueError as e:
    print('ValueError:', e)
print(s.startswith('the'), s.startswith('quick', 4), s.startswith(('a', 'b', 't')), s.startswith(''))
print(s.endswith('dog'), s.endswith('lazy', 0, -4), s.endswith(('cat', 'dog')), s.endswith(()))
print('abc'.startswith('abcd'), 'abc'.endswith('c', 2), 'abc'.endswith('c', 3), 'abc'.startswith('b', -2))
try:
    s.startswith(['the'])
except TypeError as e:
    print('TypeError:', e)
print('hello'.find('l', -2), 'hello'.find('l', -100, 100), 'hello'.rfind('l', -100, -2))
print('mississippi'.count('ss'), 'mississippi'.count('s', 4, 7), 'mississippi'.rfind('ss'))

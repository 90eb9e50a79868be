# split, rsplit, splitlines and join.
print('a b  c'.split(), '  lead and trail  '.split(), ''.split(), '   '.split())
print('a,b,,c'.split(','), ',a,'.split(','), ''.split(','), 'abc'.split(','))
print('a b c d'.split(' ', 1), 'a b c d'.split(' ', 0), 'a b c d'.split(None, 2))
print('a b c d'.rsplit(' ', 1), 'a b c d'.rsplit(None, 2), '  x  y  '.rsplit(None, 1))
print('one::two::three'.split('::'), 'aaa'.split('a'), 'aaaa'.split('aa'))
print('\tx\n y\r\n z\x0b w\x0c v'.split())
print('a\nb\r\nc\rd\n'.splitlines(), 'a\nb\n'.splitlines(True), ''.splitlines(), '\n'.splitlines())
print('x\n\ny'.splitlines(), 'no newline'.splitlines(), 'a\x1cb\x1dc\x1ed\x85e'.splitlines())
print('a\nb\n'.split('\n'), 'line1\nline2'.splitlines(keepends=True))
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('xyz'), '/'.join(('p',)))
print(' '.join(str(i) for i in range(5)), '+'.join({'k1': 1, 'k2': 2}))
try:
    '-'.join(['a', 1])
except TypeError as e:
    print('TypeError:', e)
try:
    'a'.split('')
except ValueError as e:
    print('ValueError:', e)
try:
    '-'.join(5)
except TypeError as e:
    print('TypeError:', e)
print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'kv'.partition('='), 'kv'.rpartition('='))
print('a b'.split(maxsplit=0), 'a b c'.split(sep=' ', maxsplit=-1))

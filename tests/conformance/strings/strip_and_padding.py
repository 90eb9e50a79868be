# strip family, center/ljust/rjust/zfill.
s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxhixx'.strip('x')), repr('xyhiyx'.strip('xy')), repr('abc'.strip('')), repr('aaa'.strip('a')))
print(repr('www.example.com'.lstrip('w.')), repr('www.example.com'.rstrip('moc.')))
print(repr(''.strip()), repr('\u3000wide\u3000'.strip()), repr('\xa0x\xa0'.strip()))
for w in (0, 3, 5, 6, 7, 10):
    print(repr('abc'.center(w)), repr('abc'.center(w, '*')), repr('abc'.ljust(w, '-')), repr('abc'.rjust(w, '.')))
print(repr('ab'.center(5)), repr('ab'.center(6)), repr('abc'.center(6)), repr('a'.center(4, '#')), repr('a'.center(2)))
for s in ('42', '-42', '+42', '', '-', 'abc', '3.14', '-0.5', '12345'):
    print(repr(s), repr(s.zfill(5)), repr(s.zfill(0)), repr(s.zfill(1)))
try:
    'x'.center(5, 'ab')
except TypeError as e:
    print('TypeError:', e)
try:
    'x'.ljust(3, '')
except TypeError as e:
    print('TypeError:', e)
print(repr('日本'.center(6, '・')), repr('x'.rjust(-5)))

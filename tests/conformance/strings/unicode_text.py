# Unicode strings: lengths, ord/chr, case mapping, escapes.
s = 'naïve café ☕ 𝔘𝔫𝔦 日本語 Ω'
print(s, len(s))
for ch in 'aé☕𝔘日Ω':
    print(ch, ord(ch), hex(ord(ch)), chr(ord(ch)) == ch)
print(chr(65), chr(0x1F600), len(chr(0)), repr(chr(0)), repr(chr(127)), repr(chr(160)))
print('\u00e9' == 'é', '\N{GREEK SMALL LETTER ALPHA}', '\U0001F600', '\x41\x42')
print('ÉCOLE'.lower(), 'straße'.upper(), 'ǅ'.lower(), 'ﬁ'.upper(), 'İ'.lower(), len('İ'.lower()))
print('Ωμέγα'.upper(), 'ΣΑΣ'.lower(), 'é'.isalpha(), '日'.isalpha(), '٣'.isdigit(), '²'.isdigit())
print('　'.isspace(), '\u2028'.isspace(), '\xa0'.isspace(), 'x\u2028y'.splitlines())
print(sorted('cbaé日A'), 'é' > 'z', 'Z' < 'a', '' < 'a')
print('日本語'[1], '日本語'[::-1], '日本語'.find('語'), '日本語' * 2, '-'.join('日本'))
print(repr('日本'), repr('\u200b'), repr('\U0001F600'), repr('e\u0301'), len('e\u0301'))
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError:', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    ord('')
except TypeError as e:
    print('TypeError:', e)
print(max('hello'), min('hello'), max('日本語'), 'Ä'.lower())
print(str(123) + 'x', 'x' * 0, 'x' * -1 == '', 'ab' * 3)

# repr() of strings picks quotes and escapes control characters.
cases = ['plain', "it's", 'say "hi"', 'both \' and "', '', 'tab\there', 'nl\nx', 'cr\rx',
         'back\\slash', '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xad', 'é日本', '\u200b\u2028\ufeff',
         '\U0001F600', "'", '"', '\'"', 'bell\a', '\b\f\v', '\\n', 'x' * 3]
for s in cases:
    print(repr(s), len(s))
print(str('a\nb'), '|', repr('a\nb'))
print(['a', "b'c", 'd"e'], ('\n',), {'k\t': 'v\\'})
print(repr(repr('x')), repr(str(repr("'"))))
print('%r' % "q'", '{!r}'.format('a"b'), f'{"x"!r}')
print(str(['é', '\x00']))

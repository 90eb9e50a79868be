# is* predicates on many kinds of strings.
samples = ['', 'abc', 'ABC', 'Abc', '123', '12.5', '-1', ' ', '\t\n', 'a b', 'abc123', '½', '²',
           '٣', 'é', '_', 'ⅷ', '0x1f', 'Hello World', 'hello world', '\x0b\x0c', '日本']
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(), s.isdecimal(),
          s.isnumeric(), s.isupper(), s.islower(), s.istitle(), s.isidentifier())

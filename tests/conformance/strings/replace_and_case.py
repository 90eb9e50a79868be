# replace, upper/lower/title/capitalize/swapcase.
s = 'one two one three one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('one', '1', 0), s.replace('one', '1', -1))
print('aaa'.replace('a', 'aa'), 'abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'))
print('abc'.replace('x', 'y'), 'aaaa'.replace('aa', 'b'), 'banana'.replace('ana', 'X'))
print('Hello World'.upper(), 'Hello World'.lower(), 'hello world'.title(), "they're bill's".title())
print('hello WORLD'.capitalize(), 'hELLO'.swapcase(), '123abc'.capitalize(), ''.upper())
print('MiXeD 123 !?'.lower(), 'MiXeD 123 !?'.upper())
print('abc'.isupper(), 'ABC'.isupper(), 'AbC'.islower(), '123'.isupper(), 'A1'.isupper(), 'Title Case'.istitle())
print('s'.replace('s', 'sss').replace('ss', 's'), 'x'.replace('x', ''), repr('xxx'.replace('x', '')))

# str.format as a string method: positional, keyword, repeated, literal braces.
print('{} + {} = {}'.format(1, 2, 3))
print('{0} {1} {0}'.format('a', 'b'))
print('{name} is {age}'.format(name='Ann', age=30))
print('{0[0]} {0[1]} {1[k]}'.format(['x', 'y'], {'k': 'v'}))
print('{{}} {{{}}}'.format('in braces'))
print('{:>6}|{:<6}|{:^6}|'.format('r', 'l', 'c'))
print('{!r} {!s}'.format('q', 'q'))
print(''.format(), 'no fields'.format(1, 2))
class P:
    def __init__(self):
        self.x = 3
        self.y = [4, 5]
p = P()
print('{0.x} {0.y[1]} {p.x}'.format(p, p=p))
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IndexError:', e)
try:
    '{missing}'.format()
except KeyError as e:
    print('KeyError:', e)
try:
    '{0} {}'.format(1, 2)
except ValueError as e:
    print('ValueError:', e)
try:
    '{'.format()
except ValueError as e:
    print('ValueError:', e)
try:
    '}'.format()
except ValueError as e:
    print('ValueError:', e)

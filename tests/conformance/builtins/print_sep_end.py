# print() with sep, end, no arguments, and non-string objects.
print()
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=', ')
print('a', 'b', sep='\n')
print('no newline', end='')
print(' <- continued')
print('x', end='|\n')
print(1, 2.0, None, True, [1], (2,), {'k': 3}, sep=' ; ')
print(sep='-')
print(end='only end\n')
print('a', 'b', sep=None, end=None)
print(*range(5))
print(*range(5), sep='+', end='=10\n')
print(*[], sep='x')
print('', '', sep='|')
print('multi\nline', 'values')
print('tab\tsep', 'uni日本')
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError:', e)
try:
    print('x', end=[])
except TypeError as e:
    print('TypeError:', e)
try:
    print('x', bogus=1)
except TypeError as e:
    print('TypeError:', e)
class Shown:
    def __str__(self):
        return 'Shown.__str__'
print(Shown(), [1, 'two'], 'two')
r = print('returns')
print(r)

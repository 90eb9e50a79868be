# str.format with positional, keyword, indexing, attribute and format specs.
print('{0}-{1}-{0}'.format('a', 'b'))
print('{}, {}, {}'.format(1, 'two', 3.0))
print('{x}/{y}'.format(x=1, y=2), '{x}/{0}'.format(9, x=8))
print('{0[1]}{0[0]}'.format('ab'), '{0[key]}'.format({'key': 'val'}), '{0[2]}'.format([5, 6, 7]))
print('{:05d}|{:<5d}|{:>5d}|{:^5d}|'.format(42, 42, 42, 42))
print('{:.2f}|{:8.3f}|{:<8.1f}|{:x}|'.format(2.71828, 2.71828, 2.71828, 3054))
print('{!r:>10}|{!s:<6}|'.format('hi', 'hi'))
print('{:>5}{:>5}{:>5}'.format(*range(3)), '{a}{b}'.format(**{'a': 'A', 'b': 'B'}))
print('{0:{1}}|'.format('w', 5), '{:^9}'.format('mid') + '|')
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __str__(self):
        return 'Pt(%d,%d)' % (self.x, self.y)
    def __repr__(self):
        return 'Pt<%r,%r>' % (self.x, self.y)
p = Pt(1, 2)
print('{0} {0!r} {0!s} {0.x} {0.y}'.format(p))
print(f'{p}', f'{p!r}', f'{p.x + p.y}', '%s %r' % (p, p))
for bad in ('{:d}', '{:x}'):
    try:
        print(bad.format('str'))
    except ValueError as e:
        print('ValueError:', e)
try:
    print('{:d}'.format(1.5))
except ValueError as e:
    print('ValueError:', e)
try:
    print('{:.2f}'.format('s'))
except ValueError as e:
    print('ValueError:', e)
try:
    print('{0[5]}'.format([1]))
except IndexError as e:
    print('IndexError:', e)
print('{:.2f}'.format(3), '{:5}'.format(True), '{}'.format(True), '{:d}'.format(True))

# __repr__ and __str__: which is used where, and fallbacks.
class Both:
    def __repr__(self):
        return 'Both(repr)'
    def __str__(self):
        return 'Both(str)'
class ReprOnly:
    def __repr__(self):
        return 'ReprOnly()'
class StrOnly:
    def __str__(self):
        return 'StrOnly-str'
    def __repr__(self):
        return 'StrOnly-repr'
b, r = Both(), ReprOnly()
print(b, r)
print(str(b), repr(b), str(r), repr(r))
print([b, r], (b,), {'k': b}, {1: r})
print('%s %r' % (b, b), '{} {!r}'.format(b, b), f'{b} {b!r} {r}')
print('joined: ' + str(b))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError:', e)
class BadStr:
    def __str__(self):
        return None
    def __repr__(self):
        return 'BadStr()'
try:
    str(BadStr())
except TypeError as e:
    print('TypeError:', e)
print(repr(BadStr()))
class Node:
    def __init__(self, val, children=()):
        self.val = val
        self.children = list(children)
    def __repr__(self):
        if self.children:
            return 'Node(%r, %r)' % (self.val, self.children)
        return 'Node(%r)' % (self.val,)
tree = Node(1, [Node(2), Node('x', [Node(3.5)])])
print(tree)
print(str(tree) == repr(tree))
class Sub(Both):
    def __str__(self):
        return 'Sub:' + super().__str__()
print(Sub(), repr(Sub()), [Sub()])
print(str(StrOnly()), [StrOnly()])
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return '$%d.%02d' % (self.cents // 100, self.cents % 100)
    def __repr__(self):
        return 'Money(%d)' % self.cents
print(Money(12345), Money(5), [Money(100)], f'{Money(99)}', '%s' % Money(7))

# total_ordering fills in the missing comparisons from one root, keeping
# NotImplemented for foreign types.
from functools import total_ordering

@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split('.'))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))

vs = [Version(s) for s in ['1.10', '1.2', '1.2.1', '0.9', '2.0']]
print(sorted(vs), max(vs), min(vs))
a, b = Version('1.2'), Version('1.10')
print(a < b, a <= b, a > b, a >= b, a == Version('1.2'), a <= Version('1.2'), a >= Version('1.2'))
print(Version.__gt__.__name__, Version.__le__.__name__, Version.__ge__.__name__)
try:
    a < 3
except TypeError as e:
    print('TypeError', e)
try:
    a >= 'x'
except TypeError as e:
    print('TypeError', e)

@total_ordering
class Card:
    order = '23456789TJQKA'
    def __init__(self, rank):
        self.rank = rank
    def __eq__(self, other):
        return self.rank == other.rank
    def __gt__(self, other):
        return self.order.index(self.rank) > self.order.index(other.rank)
    def __repr__(self):
        return self.rank
hand = [Card(r) for r in 'KT2A9']
print(sorted(hand), Card('A') >= Card('K'), Card('2') <= Card('3'), Card('5') < Card('4'))

@total_ordering
class ByLe:
    def __init__(self, n):
        self.n = n
    def __le__(self, other):
        return self.n <= other.n
    def __eq__(self, other):
        return self.n == other.n
print(ByLe(1) < ByLe(2), ByLe(2) > ByLe(2), ByLe(3) >= ByLe(2))

@total_ordering
class ByGe:
    def __init__(self, n):
        self.n = n
    def __ge__(self, other):
        return self.n >= other.n
print(ByGe(1) < ByGe(2), ByGe(2) > ByGe(1), ByGe(1) <= ByGe(1))

try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError', e)

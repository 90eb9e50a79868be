# accumulate: running totals, running max/min, products, initial values, and
# accumulating user objects through their __add__.
from itertools import accumulate
import operator

deposits = [100, -20, 35, -50, 10]
print(list(accumulate(deposits)))
print(list(accumulate(deposits, initial=1000)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)), list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], min)))
print(list(accumulate(range(1, 11), operator.mul)))
print(list(accumulate([], initial=5)), list(accumulate([])), list(accumulate('abc')))
print(list(accumulate([1.5, 2.25, 3.125])))
print(list(accumulate([[1], [2], [3]])))
print(list(accumulate([1, 2, 3], func=lambda a, b: a * 10 + b)))
print(list(accumulate([5, 6], None, initial=None)))

# Amortisation: balance after each monthly payment.
rate = 0.01
payments = [200] * 6
balances = list(accumulate(payments, lambda bal, pay: round(bal * (1 + rate) - pay, 2), initial=1000))
print(balances)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __repr__(self):
        return f'${self.cents // 100}.{self.cents % 100:02d}'
print(list(accumulate([Money(150), Money(275), Money(5)])))

# Prefix sums answer range-sum queries.
data = [4, 8, 15, 16, 23, 42]
prefix = list(accumulate(data, initial=0))
print(prefix, [prefix[j] - prefix[i] for i, j in [(0, 6), (1, 3), (2, 5)]])

# Laziness: accumulate over an infinite-ish generator, stopped early.
def naturals():
    n = 1
    while True:
        yield n
        n += 1
acc = accumulate(naturals())
print([next(acc) for _ in range(8)])

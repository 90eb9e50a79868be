# Counter arithmetic: + - & | and unary + -, in-place forms, subtract (keeps negative
# counts), comparisons (missing counts are zero), update from mappings and keywords.
from collections import Counter

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

inventory = Counter(apples=5, pears=2, plums=1)
order = Counter(apples=3, pears=4)
print(inventory + order)
print(inventory - order)
print(inventory & order)
print(inventory | order)
stock = inventory.copy()
stock.subtract(order)
print(stock, +stock, -stock)
stock += Counter(pears=5)
print(stock)
stock -= Counter(plums=1)
print(stock)
stock |= Counter(kiwis=2)
stock &= Counter(apples=1, pears=10, kiwis=1)
print(stock)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) == {"a": 1})
print(Counter(a=1) <= Counter(a=2, b=1), Counter(a=2) < Counter(a=2), Counter(a=3, b=1) >= Counter(a=1), Counter(a=1) > Counter())
c = Counter("abc")
c.update({"a": 10}, b=5)
c.update(["c", "c"])
c.subtract(a=2)
print(c, c.total())
del c["zz"]
del c["a"]
print(c)
attempt("fromkeys", lambda: Counter.fromkeys("abc"))
attempt("add list", lambda: Counter("a") + ["a"])
print(sum([Counter("ab"), Counter("bc"), Counter("cd")], Counter()))

# OrderedDict: order-sensitive equality with another OrderedDict (insensitive with a
# dict), move_to_end both ways, popitem both ends, repr, copy, fromkeys, |, and errors.
from collections import OrderedDict

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

od = OrderedDict([("b", 2), ("a", 1)], c=3)
print(od, list(od.keys()), list(od.values()), list(reversed(od)))
od.move_to_end("b")
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
x = OrderedDict(a=1, b=2)
y = OrderedDict(b=2, a=1)
print(x == y, x != y, x == dict(y), dict(y) == x, x == x.copy(), type(x.copy()).__name__)
print(OrderedDict.fromkeys("xyz", 0), OrderedDict(), repr(OrderedDict(k=[1])))
print(x | {"c": 3}, {"z": 0} | x, type({"z": 0} | x).__name__)
x |= [("d", 4)]
print(x, isinstance(x, dict), len(x), x.get("d"), x.setdefault("e", 5), x.pop("a"))
attempt("popitem empty", lambda: OrderedDict().popitem())
attempt("move missing", lambda: x.move_to_end("nope"))
attempt("getitem missing", lambda: x["nope"])
attempt("hashable", lambda: OrderedDict.__hash__ is None)

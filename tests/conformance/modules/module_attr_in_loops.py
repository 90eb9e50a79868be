# Module attributes read in loops (compiled code reads them inline through the
# module-attribute cache): in both forms (value and call), while the module's dict
# changes under the loop: an attribute rebound, deleted and restored, the dict grown
# until its entries move, and a non-module owner at the same site.
import math
import sys


def norms(n):
    total = 0.0
    for i in range(n):
        total += math.sqrt(i) + math.pi
    return round(total, 6)


def rebinding(n):
    out = []
    original = math.floor
    for i in range(n):
        if i == 3:
            math.floor = lambda x: -1
        if i == 6:
            math.floor = original
        out.append(math.floor(i + 0.5))
    return out


def deleting(n):
    this = sys.modules[__name__]
    out = []
    for i in range(n):
        if i == 2:
            del this.VALUE
        if i == 4:
            this.VALUE = 40
        try:
            out.append(this.VALUE)
        except AttributeError as e:
            out.append(str(e))
    return out


VALUE = 7


def growing(n):
    this = sys.modules[__name__]
    out = []
    for i in range(n):
        setattr(this, "extra_%d" % i, i)
        out.append(this.VALUE + this.extra_0)
    return out[:3], out[-1], len(out)


class Fake:
    pi = 3


def mixed(owners):
    return [o.pi for o in owners]


print(norms(50))
print(rebinding(9))
print(deleting(6))
print(growing(200))
print(mixed([math, Fake, math, Fake(), math]))

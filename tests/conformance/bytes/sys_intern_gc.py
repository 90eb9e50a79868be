# sys.intern returns one object per distinct string; gc.collect checks its generation.
import gc
import sys

a = sys.intern("".join(["hello", "world", "!"]))
b = sys.intern("helloworld!")
print(a == b, a is b, sys.intern(a) is a)
parts = [sys.intern(str(i % 3)) for i in range(9)]
print(parts, parts[0] is parts[3] is parts[6])


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: sys.intern(b"bytes"))
show(lambda: sys.intern(1))
show(lambda: sys.intern())
show(lambda: gc.collect(0) >= 0)
show(lambda: gc.collect(generation=2) >= 0)
show(lambda: gc.collect(3))
show(lambda: gc.collect(-1))
show(lambda: gc.collect("x"))
show(lambda: gc.collect(2 ** 70))
show(lambda: gc.collect(1, 2))
show(lambda: gc.collect(gen=1))
print(gc.isenabled())

# find/rfind/index/rindex/count/startswith/endswith on bytes: needles are bytes or
# ints, with optional start and end; and their argument errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"abracadabra"
for needle in [b"a", b"bra", b"", b"z", 97, 122]:
    print(needle, b.find(needle), b.rfind(needle), b.count(needle))
print(b.find(b"a", 1), b.find(b"a", 1, 3), b.find(b"a", -4), b.rfind(b"a", 0, -1), b.count(b"a", 2, 9))
print(b.find(b"", 20), b.count(b"", 3, 5), b.find(b"bra", 2, 4), b.index(b"c"), b.rindex(b"a"))
print(b.startswith(b"abr"), b.startswith(b"bra", 1), b.startswith((b"x", b"ab")), b.startswith(b"a", 5, 3))
print(b.endswith(b"bra"), b.endswith(b"cad", 0, 7), b.endswith((b"x", b"y")), b.endswith(b""))
show(lambda: b.index(b"zz"))
show(lambda: b.rindex(b"zz"))
show(lambda: b.find("a"))
show(lambda: b.find(256))
show(lambda: b.count(-1))
show(lambda: b.find())
show(lambda: b.find(b"a", 1, 2, 3))
show(lambda: b.count())
show(lambda: b.find(b"a", "x"))
show(lambda: b.startswith("a"))
show(lambda: b.startswith((b"a", "b")))
show(lambda: b.startswith(("a", b"a")))
show(lambda: b.endswith(1))
show(lambda: b.startswith())

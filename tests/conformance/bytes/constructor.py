# bytes(): from nothing, a count, an iterable of ints, a str with an encoding, another
# bytes object, __bytes__ and __index__; and every way the arguments can be wrong.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Index:
    def __index__(self):
        return 65


class HasBytes:
    def __bytes__(self):
        return b"from __bytes__"


class BadBytes:
    def __bytes__(self):
        return "not bytes"


show(lambda: bytes())
show(lambda: bytes(0))
show(lambda: bytes(5))
show(lambda: bytes(True))
show(lambda: bytes([72, 105, 33]))
show(lambda: bytes((0, 255)))
show(lambda: bytes(range(97, 101)))
show(lambda: bytes(x * 2 for x in range(5)))
show(lambda: bytes([Index(), 66]))
show(lambda: bytes(Index()))
show(lambda: bytes(HasBytes()))
show(lambda: bytes(b"copy"))
show(lambda: bytes("caf\xe9", "utf-8"))
show(lambda: bytes("caf\xe9", "latin-1"))
show(lambda: bytes("caf\xe9", encoding="ascii", errors="replace"))
show(lambda: bytes(source="abc", encoding="ascii"))
show(lambda: bytes(-1))
show(lambda: bytes([256]))
show(lambda: bytes([-1]))
show(lambda: bytes([2 ** 70]))
show(lambda: bytes(["a"]))
show(lambda: bytes([1.0]))
show(lambda: bytes("abc"))
show(lambda: bytes("abc", "no-such-codec"))
show(lambda: bytes("abc", 5))
show(lambda: bytes(1.5))
show(lambda: bytes(None))
show(lambda: bytes(object()))
show(lambda: bytes(b"x", "utf-8"))
show(lambda: bytes(3, "utf-8"))
show(lambda: bytes(errors="strict"))
show(lambda: bytes(encoding="utf-8"))
show(lambda: bytes(1, 2, 3, 4))
show(lambda: bytes(x=1))
show(lambda: bytes("a", "ascii", source="b"))
show(lambda: bytes(BadBytes()))
show(lambda: bytes(2 ** 70))

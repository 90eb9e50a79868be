# bytes methods called through the class, and the descriptor errors when the receiver
# is not bytes; the dunders reach the same operations as the operators.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"abc"
show(lambda: bytes.upper(b))
show(lambda: bytes.decode(b, "ascii"))
show(lambda: bytes.__len__(b))
show(lambda: b.__contains__(98))
show(lambda: b.__getitem__(slice(1, None)))
show(lambda: b.__mul__(2))
show(lambda: b.__rmul__(2))
show(lambda: b.__add__(b"d"))
show(lambda: b.__eq__("abc"))
show(lambda: b.__lt__(b"b"))
show(lambda: b.__ge__(1))
show(lambda: list(b.__iter__()))
show(lambda: bytes.__repr__(b))
show(lambda: b.__str__())
show(lambda: b.__getnewargs__())
show(lambda: b.__hash__() == hash(b))
show(lambda: bytes.upper("abc"))
show(lambda: bytes.upper())
show(lambda: bytes.decode("abc"))
show(lambda: bytes.__len__("abc"))
show(lambda: bytes.__add__(b, 1))
show(lambda: bytes.__mul__(b, "x"))
show(lambda: b.__len__(1))
show(lambda: isinstance(b, bytes), )
show(lambda: issubclass(bytes, object))
show(lambda: bytes.__name__)
show(lambda: type(b) is bytes)

# bytes.hex with separators and group sizes, and bytes.fromhex (a class method) with
# whitespace, and their errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = bytes([0, 1, 171, 205, 239, 255, 16])
print(b.hex(), b"".hex(), b.hex(":"), b.hex("-", 2), b.hex("-", -2), b.hex(b" ", 3), b.hex(sep="_", bytes_per_sep=-3))
print(b.hex(":", 0), b.hex(":", 100), b"abcde".hex(b"-", 2), b"abcde".hex(b"-", -2))
print(bytes.fromhex("00 01abCD\tef\n ff"), bytes.fromhex(""), bytes.fromhex("  "), bytes.fromhex(b"6869"))
print(b"".fromhex("41"), bytes.fromhex(b.hex()) == b)
show(lambda: bytes.fromhex("zz"))
show(lambda: bytes.fromhex("a"))
show(lambda: bytes.fromhex("abc"))
show(lambda: bytes.fromhex("0 a"))
show(lambda: bytes.fromhex("\xe9"))
show(lambda: bytes.fromhex("ab \xe9"))
show(lambda: bytes.fromhex(1))
show(lambda: bytes.fromhex())
show(lambda: b.hex("::"))
show(lambda: b.hex("\xe9"))
show(lambda: b.hex(1))
show(lambda: b.hex(":", "x"))
show(lambda: b.hex(":", 1, 2))

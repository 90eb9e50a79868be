# The operators on bytes: indexing gives ints, slicing gives bytes, + * in len and the
# comparisons, with the errors CPython raises for the wrong operand types.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"abcdef"
print(b[0], b[-1], b[2:4], b[::-1], b[::2], b[10:], b[-100:2], b[:])
print(len(b), len(b""), b + b"gh", b * 2, 0 * b, b * -3, 3 * b"ab")
print(b"c" in b, b"cd" in b, b"" in b, 99 in b, 200 in b, b"ce" in b)
print(b"abc" == b"abc", b"abc" != b"abd", b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc")
print(b"abc" <= b"abc", b"\xff" > b"\x00\xff", b"abc" == "abc", b"abc" != "abc")
print(sorted([b"pear", b"apple", b"fig", b""]), max(b"hello"), min(b"hello"))
print(b == b"abcdef", b is not None, [x for x in b"hi"], list(reversed(b"hi")))


class Index:
    def __index__(self):
        return 2


class RAdd:
    def __radd__(self, other):
        return "RAdd.__radd__ with " + repr(other)


print(b[Index()], b * Index(), Index() * b"z", b + RAdd())
acc = b"x"
acc += b"y"
acc *= 2
print(acc)
show(lambda: b[6])
show(lambda: b[-7])
show(lambda: b[2 ** 70])
show(lambda: b["x"])
show(lambda: b[1.0])
show(lambda: b + "str")
show(lambda: "str" + b)
show(lambda: b + 1)
show(lambda: b + [1])
show(lambda: b * "x")
show(lambda: b * 1.5)
show(lambda: b"x" * 2 ** 70)
show(lambda: b < "abc")
show(lambda: b >= 1)
show(lambda: 300 in b)
show(lambda: -1 in b)
show(lambda: 2 ** 70 in b)
show(lambda: "a" in b)
show(lambda: 1.0 in b)
show(lambda: -b)


def assign():
    b[0] = 1


def delete():
    del b[0]


show(assign)
show(delete)

# An AttributeError raised by LOAD_ATTR inside compiled code, two calls deep,
# uncaught: the traceback (stderr) must be the interpreter's, lines and carets.


class Box:
    def __init__(self, v):
        self.v = v


def inner(b, i):
    x = b.v + i
    return b.w + x


def outer(n):
    total = 0
    for i in range(n):
        total += inner(Box(i), i) if i == n - 1 else Box(i).v
    return total


print(outer(5))

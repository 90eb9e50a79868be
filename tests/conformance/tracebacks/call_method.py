class Box:
    def m(self, a, b):
        return a / b


def outer(n):
    return inner(n) * 2


def inner(n):
    return Box().m(1, n)


print(outer(0))

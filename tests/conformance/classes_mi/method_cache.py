# Method look-ups are cached by type version: changing ANY class in the MRO (a second
# base, a base of a base) must be seen by the subclass's instances, also in hot loops.
class A:
    def f(self):
        return "A.f"


class B:
    def f(self):
        return "B.f"

    def g(self):
        return "B.g"


class C(A, B):
    pass


def call_many(obj, name, n=3000):
    result = None
    for _ in range(n):
        result = getattr(obj, name)()
    return result


def call_f(obj, n=3000):
    result = None
    for _ in range(n):
        result = obj.f()
    return result


c = C()
print(call_f(c), call_many(c, "g"))
del A.f
print(call_f(c))
A.f = lambda self: "new A.f"
print(call_f(c))
B.g = lambda self: "new B.g"
print(call_many(c, "g"), c.g())
C.f = lambda self: "C.f"
print(call_f(c))
del C.f
del A.f
print(call_f(c))


# A base of the second base.
class Root:
    value = 1


class Mid(Root):
    pass


class Other:
    pass


class Leaf(Other, Mid):
    pass


def read(obj, n=3000):
    total = 0
    for _ in range(n):
        total += obj.value
    return total


leaf = Leaf()
print(read(leaf))
Root.value = 2
print(read(leaf))
Other.value = 5
print(read(leaf), Leaf.value)
del Other.value
print(read(leaf))

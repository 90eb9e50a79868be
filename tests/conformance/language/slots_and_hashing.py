# __slots__ restrictions and messages; __eq__ without __hash__ makes instances unhashable.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, 2)
print(p.x, p.y, P.__slots__, hasattr(p, "__dict__"))
for action in ["set z", "get z", "get __dict__", "del x then get", "del x again"]:
    try:
        if action == "set z":
            p.z = 3
        elif action == "get z":
            p.z
        elif action == "get __dict__":
            p.__dict__
        elif action == "del x then get":
            del p.x
            p.x
        else:
            del p.x
    except AttributeError as e:
        print(action, "->", e)
p.x = 10
print(p.x, getattr(p, "z", "default"))


class Q(P):
    __slots__ = ("z",)


q = Q(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    q.w = 4
except AttributeError as e:
    print(e)


class Open(P):
    pass


o = Open(1, 2)
o.anything = "fine"
print(o.anything, "anything" in o.__dict__, o.x)


class Priv:
    __slots__ = ("__secret",)

    def __init__(self):
        self.__secret = 42

    def reveal(self):
        return self.__secret


print(Priv().reveal(), Priv.__slots__)
try:
    class Bad:
        __slots__ = (1,)
except TypeError as e:
    print(e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents


print(Money.__hash__, Money(5) == Money(5), Money(5) != Money(6), Money(1) == 1)
for label, f in [("hash", lambda: hash(Money(1))), ("set", lambda: {Money(1)}),
                 ("dict key", lambda: {Money(1): 1}), ("in set", lambda: Money(1) in set())]:
    try:
        f()
    except TypeError as e:
        print(label, "->", e)


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k

    def __hash__(self):
        return hash(self.k)


d = {Key("a"): 1, Key("b"): 2}
print(d[Key("a")], Key("b") in d, len({Key(1), Key(1), Key(2)}))


class Child(Key):
    def __eq__(self, other):
        return True


print(Child.__hash__ is None, Key.__hash__ is not None)


class Inherits(Key):
    pass


print(hash(Inherits(5)) == hash(5))


class ExplicitNone:
    __hash__ = None


try:
    hash(ExplicitNone())
except TypeError as e:
    print(e)

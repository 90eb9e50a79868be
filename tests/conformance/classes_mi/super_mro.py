# Cooperative super() along the MRO, zero-argument and two-argument.
class Root:
    def __init__(self, **kwargs):
        self.log = ["Root"]
        if kwargs:
            print("leftover", sorted(kwargs))

    def describe(self):
        return ["Root"]


class Named(Root):
    def __init__(self, name="?", **kwargs):
        super().__init__(**kwargs)
        self.name = name
        self.log.append("Named")

    def describe(self):
        return ["Named(%s)" % self.name] + super().describe()


class Sized(Root):
    def __init__(self, size=0, **kwargs):
        super(Sized, self).__init__(**kwargs)
        self.size = size
        self.log.append("Sized")

    def describe(self):
        return ["Sized(%d)" % self.size] + super(Sized, self).describe()


class Thing(Named, Sized):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.log.append("Thing")

    def describe(self):
        return ["Thing"] + super().describe()


t = Thing(name="box", size=3)
print(t.log)
print(t.describe())
print([c.__name__ for c in Thing.__mro__])
Thing(name="x", size=1, color="red")

# super(cls, obj) skips past cls in obj's MRO, whatever cls's own bases are.
print(super(Named, t).describe())
print(super(Thing, t).describe())

# Class methods and super through several bases.
class A:
    @classmethod
    def make(cls):
        return ["A", cls.__name__]
class B(A):
    @classmethod
    def make(cls):
        return ["B"] + super().make()
class C(A):
    @classmethod
    def make(cls):
        return ["C"] + super().make()
class D(B, C):
    @classmethod
    def make(cls):
        return ["D"] + super().make()
print(D.make(), D().make(), B.make())

# Properties reached through super().
class P:
    @property
    def value(self):
        return 10
class Q(P):
    @property
    def value(self):
        return super().value + 1
class R(Q, P):
    @property
    def value(self):
        return super().value * 2
print(R().value, Q().value)

# C3 linearisation: diamonds, wider hierarchies, __mro__, mro(), __bases__, __base__.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass


def names(seq):
    return [c.__name__ for c in seq]


for cls in (K1, K2, K3, Z):
    print(cls.__name__, names(cls.__mro__))
print(names(Z.mro()), Z.mro() == list(Z.__mro__))
print(names(Z.__bases__), Z.__base__.__name__, names(O.__bases__), A.__base__.__name__)


# The diamond: the shared base comes after both sides.
class Base:
    def who(self):
        return "Base"
class Left(Base):
    def who(self):
        return "Left"
class Right(Base):
    def who(self):
        return "Right"
    def only_right(self):
        return "only on Right"
class Bottom(Left, Right):
    pass
class Bottom2(Right, Left):
    pass

print(names(Bottom.__mro__))
print(Bottom().who(), Bottom2().who(), Bottom().only_right())
print(issubclass(Bottom, Right), issubclass(Bottom, Base), issubclass(Right, Bottom))
print(isinstance(Bottom(), Left), isinstance(Bottom(), Right), isinstance(Base(), Bottom))
print(type(Bottom()) is Bottom, type(Bottom()).__name__)

# type() with several bases builds the same MRO as a class statement.
T = type("T", (Left, Right), {"x": 1})
print(names(T.__mro__), T().who(), T.x)
print(names(Base.__subclasses__()), names(Right.__subclasses__()))

# Class attributes follow the MRO too.
class P1:
    color = "red"
    size = 1
class P2:
    color = "blue"
    shape = "round"
class Q(P1, P2):
    size = 3
q = Q()
print(q.color, q.size, q.shape, Q.color, getattr(Q, "shape"), hasattr(q, "nothing"))

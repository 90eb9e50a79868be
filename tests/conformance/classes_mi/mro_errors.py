# CPython's errors for bases that cannot be combined.
class A: pass
class B(A): pass
class C: pass
class X(A, C): pass
class Y(C, A): pass


def attempt(label, make):
    try:
        cls = make()
        print(label, "->", [c.__name__ for c in cls.__mro__])
    except TypeError as e:
        print(label, "-> TypeError:", e)


attempt("A, B", lambda: type("Bad", (A, B), {}))
attempt("B, A", lambda: type("Good", (B, A), {}))
attempt("X, Y", lambda: type("Bad", (X, Y), {}))
attempt("A, A", lambda: type("Dup", (A, A), {}))
attempt("A, C, A", lambda: type("Dup", (A, C, A), {}))
attempt("list, dict", lambda: type("LD", (list, dict), {}))
attempt("int, str", lambda: type("IS", (int, str), {}))
attempt("list, tuple", lambda: type("LT", (list, tuple), {}))
attempt("int, float", lambda: type("IF", (int, float), {}))
attempt("list, A", lambda: type("LA", (list, A), {}))
attempt("A, list", lambda: type("AL", (A, list), {}))
attempt("ValueError, list", lambda: type("VL", (ValueError, list), {}))
attempt("OSError, ValueError", lambda: type("OV", (OSError, ValueError), {}))
attempt("bool", lambda: type("Bo", (bool,), {}))
attempt("A, 1", lambda: type("N", (A, 1), {}))


class S1:
    __slots__ = ("a",)


class S2:
    __slots__ = ("b",)


class Empty:
    __slots__ = ()


attempt("S1, S2", lambda: type("SS", (S1, S2), {}))
attempt("S1, Empty", lambda: type("SE", (S1, Empty), {}))
attempt("S1, A", lambda: type("SA", (S1, A), {}))

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("class statement:", e)

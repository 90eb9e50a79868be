# Errors around constructing subclasses of built-in types.
class L(list):
    pass


class I(int):
    pass


class S(str):
    pass


def attempt(label, f):
    try:
        print(label, "->", f())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("object.__new__(L)", lambda: object.__new__(L))
attempt("object.__new__(I)", lambda: object.__new__(I))
attempt("int.__new__(S)", lambda: int.__new__(S))
attempt("int.__new__(5)", lambda: int.__new__(5))
attempt("list.__new__(I)", lambda: list.__new__(I))
attempt("str.__new__(L)", lambda: str.__new__(L))
attempt("int.__new__(I, 7)", lambda: int.__new__(I, 7))
attempt("I('x')", lambda: I("x"))
attempt("I(1, 2, 3)", lambda: I(1, 2, 3))
attempt("L(1)", lambda: L(1))
attempt("L(1, 2)", lambda: L(1, 2))
attempt("S(b=1)", lambda: S(b=1))
attempt("float subclass", lambda: type("F", (float,), {})("nope"))
attempt("bool base", lambda: type("B", (bool,), {}))
attempt("range base", lambda: type("R", (range,), {}))
attempt("I() + 'a'", lambda: I(1) + "a")
attempt("L() + 1", lambda: L() + 1)
attempt("S() - 1", lambda: S() - 1)
attempt("list.append(I(1), 2)", lambda: list.append(I(1), 2))
print(I.__mro__, L.__bases__, S.__base__)
I(1) + "a"

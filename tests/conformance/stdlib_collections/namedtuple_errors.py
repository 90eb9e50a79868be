# namedtuple's errors: invalid, keyword, underscore and duplicate field names (and
# rename=True replacing them), too many defaults, and the generated __new__'s argument
# errors, _make with the wrong length, _replace with unknown fields, read-only fields.
from collections import namedtuple

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("bad name", lambda: namedtuple("P", "x 1y"))
attempt("bad type name", lambda: namedtuple("2P", "x"))
attempt("keyword", lambda: namedtuple("P", "x class"))
attempt("underscore", lambda: namedtuple("P", "x _y"))
attempt("duplicate", lambda: namedtuple("P", "x y x"))
attempt("defaults", lambda: namedtuple("P", "x", defaults=[1, 2]))
print(namedtuple("R", "a def _c a 9 b", rename=True)._fields)

P = namedtuple("P", "x y")
attempt("missing one", lambda: P(1))
attempt("missing two", lambda: P())
attempt("too many", lambda: P(1, 2, 3))
attempt("unexpected", lambda: P(1, 2, z=3))
attempt("twice", lambda: P(1, x=2))
Q = namedtuple("Q", "a b c", defaults=[9])
attempt("q missing", lambda: Q())
attempt("q too many", lambda: Q(1, 2, 3, 4))
attempt("make short", lambda: P._make([1]))
attempt("make long", lambda: P._make(range(3)))
attempt("replace", lambda: P(1, 2)._replace(z=0))
attempt("index", lambda: P(1, 2)[2])
attempt("no attr", lambda: P(1, 2).z)

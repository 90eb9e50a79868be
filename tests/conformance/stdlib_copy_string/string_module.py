# The string module: constants, capwords, Template substitution and its errors.
import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "printable", "whitespace"]:
    value = getattr(string, name)
    print(name, len(value), repr(value))

print(string.capwords("hello   wide\tworld  "), string.capwords("a-b-c", "-"), repr(string.capwords("")))
print(string.capwords("ÉCOLE élève"), string.capwords("x,,y", ","))


def is_identifier(s):
    return bool(s) and s[0] not in string.digits and all(c in string.ascii_letters + string.digits + "_" for c in s)


print([w for w in ["abc", "1x", "_ok", "no-dash", ""] if is_identifier(w)])
counts = {"letters": 0, "digits": 0, "punct": 0, "space": 0}
for ch in "Hello, World! 123 #go":
    if ch in string.ascii_letters:
        counts["letters"] += 1
    elif ch in string.digits:
        counts["digits"] += 1
    elif ch in string.punctuation:
        counts["punct"] += 1
    elif ch in string.whitespace:
        counts["space"] += 1
print(counts)

T = string.Template
t = T("$who likes ${what} for $$$price")
print(t.template, t.substitute(who="tim", what="kung pao", price=10))
print(t.substitute({"who": "ann", "what": "tea", "price": 2.5}))
print(t.substitute({"who": "x", "what": "y", "price": 1}, who="kw wins"))
print(t.safe_substitute(who="bob"))
print(t.get_identifiers(), t.is_valid(), T("$a $b $a ${c}").get_identifiers())
print(T("${name}s and $name_2x and $9 and $").safe_substitute(name="cat", name_2x="dog"))
print(T("no placeholders").substitute(), T("$$").substitute(), T("$x$y").substitute(x=1, y=[2]))


def attempt(label, f):
    try:
        print(label, f())
    except (KeyError, ValueError, TypeError) as e:
        print(label, "->", type(e).__name__, e)


attempt("missing", lambda: t.substitute(who="tim"))
attempt("bad placeholder", lambda: T("cost: $9").substitute())
attempt("bad brace", lambda: T("line1\nline two ${bad-name}").substitute({}))
attempt("dangling", lambda: T("end $").substitute())
attempt("invalid ids", lambda: T("ok $x and $").get_identifiers())
print(T("ok $x and $").is_valid(), T.delimiter)


class Percent(string.Template):
    delimiter = "%"


print(Percent("%who owes %%%amount").substitute(who="me", amount=5))

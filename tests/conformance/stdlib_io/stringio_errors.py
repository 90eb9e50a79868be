# StringIO's error paths, with CPython's messages.
import io


def attempt(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


s = io.StringIO("some text")
attempt("seek -1", s.seek, -1)
attempt("seek cur 1", s.seek, 1, 1)
attempt("seek end -2", s.seek, -2, 2)
attempt("seek whence 3", s.seek, 0, 3)
attempt("seek str", s.seek, "0")
attempt("seek float", s.seek, 1.5)
attempt("truncate -1", s.truncate, -1)
attempt("write int", s.write, 42)
attempt("write None", s.write, None)
attempt("read str", s.read, "3")
attempt("read None", s.read, None)
attempt("StringIO(5)", io.StringIO, 5)
attempt("StringIO(list)", io.StringIO, ["a"])
attempt("writelines", s.writelines, ["a", 1])
print(repr(s.getvalue()))

s.close()
s.close()
print("closed:", s.closed)
for name in ["read", "readline", "readlines", "getvalue", "tell", "truncate", "readable", "__next__", "__iter__", "__enter__"]:
    attempt(name, getattr(s, name))
attempt("write", s.write, "x")
attempt("seek", s.seek, 0)
try:
    for line in s:
        pass
except ValueError as e:
    print("for:", e)
try:
    with s:
        pass
except ValueError as e:
    print("with:", e)

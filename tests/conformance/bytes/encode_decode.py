# str.encode and bytes.decode for utf-8, ascii and latin-1 (and their aliases), the
# error handlers, and CPython's UnicodeEncodeError/UnicodeDecodeError messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


text = "na\xefve caf\xe9 \u20ac \U0001F600"
for enc in ["utf-8", "UTF8", "utf_8", "latin-1", "Latin1", "iso-8859-1", "ascii", "US-ASCII"]:
    show(lambda: text.encode(enc))
for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "bogus"]:
    show(lambda: text.encode("ascii", errors))
    show(lambda: text.encode("latin-1", errors=errors))
show(lambda: "abc".encode())
show(lambda: "".encode("ascii"))
show(lambda: "\xe9".encode("ascii"))
show(lambda: "ab\u1234\u1235cd".encode("latin-1"))
show(lambda: "\U0001F600".encode("ascii"))
show(lambda: "x".encode("no-such-codec"))
show(lambda: "x".encode(1))
show(lambda: "x".encode("ascii", 1))
show(lambda: "x".encode(encoding="ascii", errors="strict", extra=1))

data = text.encode()
show(lambda: data.decode())
show(lambda: data.decode("utf-8"))
show(lambda: data.decode("latin-1"))
show(lambda: b"plain".decode("ascii"))
bad = [b"\xff", b"a\xc3", b"a\xe2\x82", b"a\xe2\x28\xa1", b"a\xed\xa0\x80",
       b"\xf0\x90\x28", b"\xf0\x90\x80", b"\xc0\x80", b"\xf5", b"ok\x80ok"]
for b in bad:
    show(lambda: b.decode())
    show(lambda: b.decode("utf-8", "replace"))
    show(lambda: b.decode("utf-8", "ignore"))
    show(lambda: b.decode("utf-8", "backslashreplace"))
show(lambda: b"\xff\xfe".decode("ascii"))
show(lambda: b"a\xffb".decode("ascii", "replace"))
show(lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"))
show(lambda: b"x".decode("nope"))
show(lambda: b"x".decode(1))
show(lambda: b"x".decode("utf-8", "strict", 3))
show(lambda: b"x".decode(foo=1))
show(lambda: str(b"caf\xc3\xa9", "utf-8"))
show(lambda: str(b"caf\xe9", encoding="latin-1"))
show(lambda: str(b"\xff", "utf-8", "replace"))
show(lambda: str(b"\xff", "utf-8"))
show(lambda: str(b"abc"))
show(lambda: str("abc", "utf-8"))
show(lambda: str(5, "utf-8"))

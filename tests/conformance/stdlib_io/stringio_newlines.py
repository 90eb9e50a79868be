# StringIO newline modes: None translates input to "\n"; "" splits lines at any ending;
# "\r" and "\r\n" translate written "\n" and split there.
import io
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("a\r\nb\rc\nd", newline=nl)
    print(repr(nl), s.readlines(), repr(s.getvalue()))
    w = io.StringIO(newline=nl)
    w.write("x\r\ny\nz\r")
    w.seek(0)
    print(repr(w.getvalue()), list(w), w.tell())
for bad in ["x", 5, "\n\n"]:
    try:
        io.StringIO(newline=bad)
    except Exception as e:
        print(type(e).__name__, e)
print(io.StringIO("a\nb", None).readlines(), io.StringIO("q\r\nr", "").readline())

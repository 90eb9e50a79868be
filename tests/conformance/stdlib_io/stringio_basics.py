# io.StringIO as an in-memory text file: writing, reading back, positions.
import io

buf = io.StringIO()
print(buf.write("hello "), buf.write("world\n"), buf.write("second line\n"))
print(repr(buf.getvalue()), buf.tell())
buf.seek(0)
print(repr(buf.read(5)), buf.tell())
print(repr(buf.readline()))
print(repr(buf.readline()))
print(repr(buf.readline()), repr(buf.read()))

s = io.StringIO("alpha\nbeta\ngamma\ndelta")
print(s.readlines())
s.seek(0)
print(s.readlines(7))
print(s.readline(3), repr(s.readline(100)))
s.seek(0)
for number, line in enumerate(s, 1):
    print(number, line.rstrip("\n"))

# Overwriting in the middle, writing past the end, truncation.
t = io.StringIO("0123456789")
t.seek(3)
t.write("abc")
print(t.getvalue(), t.tell())
print(t.seek(0, 2), t.seek(0, 1), t.seek(12))
t.write("!")
print(repr(t.getvalue()))
print(t.truncate(4), repr(t.getvalue()), t.tell())
t.seek(2)
print(t.truncate(), repr(t.getvalue()))

with io.StringIO(initial_value="x\ny\n") as f:
    print(f.readable(), f.writable(), f.seekable(), f.closed)
    rows = list(f)
print(rows, f.closed)

# Unpacking, sorted() and sum over lines.
first, second = io.StringIO("one\ntwo\n")
print(first, second, end="")
print(sorted(io.StringIO("pear\napple\nfig\n")))
print(sum(len(line) for line in io.StringIO("ab\ncde\n")))
print(io.StringIO(None).getvalue() == "", io.StringIO("a\r\nb\rc").readlines())
print(type(buf).__name__, type(buf).__module__, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

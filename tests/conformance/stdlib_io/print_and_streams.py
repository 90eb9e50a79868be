# print(file=...) into StringIO and the standard streams; write() returns counts.
import io
import sys


def report(rows, out):
    print("name".ljust(8), "qty".rjust(5), file=out)
    print("-" * 14, file=out)
    total = 0
    for name, qty in rows:
        print(name.ljust(8), str(qty).rjust(5), file=out)
        total += qty
    print("total".ljust(8), str(total).rjust(5), sep=" ", end="\n", file=out)
    return total


out = io.StringIO()
t = report([("apples", 3), ("pears", 12), ("figs", 140)], out)
text = out.getvalue()
print(t, len(text), text.count("\n"))
print(text, end="")

print("to stderr", 1, 2, sep="-", file=sys.stderr)
print("after stderr")
n = sys.stdout.write("written directly\n")
print("count", n)
m = sys.stderr.write("err direct\n")
print("err count", m)
sys.stdout.writelines(["a\n", "b\n"])
print(file=sys.stdout)
print("x", "y", file=None)

# A class with a write method works as a print target too.
class Upper:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)

u = Upper()
print("quiet", "words", file=u)
print(u.parts)

try:
    print("x", file=42)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
sys.stdout.flush()
print("done", flush=True)

# Writing, appending and reading back a text file (a scratch file next to this
# program, named by process id, removed at the end; no paths are printed).
import os

path = __file__ + ".%d.tmp" % os.getpid()

with open(path, "w") as f:
    print(f.write("first line\n"), f.mode, f.closed, f.writable(), f.readable())
    f.writelines(["second\n", "third\n"])
    print("number", 4, file=f)
print(f.closed)

with open(path, "a", encoding="utf-8") as f:
    f.write("appended ünïcode ✓\n")

f = open(path)
print(f.mode, f.name == path, f.readable(), f.writable())
print(repr(f.readline()))
print(repr(f.read(6)))
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.close()
print(f.closed)

with open(path, encoding="UTF-8") as f:
    for i, line in enumerate(f):
        print(i, line.rstrip())

with open(path, "r") as f:
    words = [w for line in f for w in line.split()]
print(len(words), sorted(words)[:4])

with open(path) as f:
    text = f.read()
print(len(text), text.count("\n"), text.splitlines()[-1])

# "w" truncates; "x" refuses an existing file.
with open(path, "w") as f:
    f.write("short\r\nwindows\rmac\n")
with open(path) as f:
    print(f.readlines())
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)

os.remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print("removed:", type(e).__name__, e.errno, e.strerror, e.filename == path)
try:
    os.remove(path)
except OSError as e:
    print(type(e).__name__, e.errno)

# open() and text-file errors, with CPython's messages.
import io
import os


def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
        return None
    else:
        print(label, "ok")
        return r


attempt("missing", open, "no_such_file_here.txt")
attempt("missing w/ mode", open, "no_such_dir_zz/x.txt", "w")
e = None
try:
    open("nope.txt")
except OSError as exc:
    e = exc
print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, repr(e))
print(isinstance(e, OSError), isinstance(e, FileNotFoundError))
attempt("bad mode", open, __file__, "q")
attempt("two modes", open, __file__, "rw")
attempt("no mode", open, __file__, "t")
attempt("dup mode", open, __file__, "rr")
attempt("encoding", open, __file__, encoding="bogus-codec")
attempt("encoding type", open, __file__, encoding=5)
attempt("mode type", open, __file__, 5)
attempt("path type", open, 3.5)
attempt("kwarg", open, __file__, colour="red")

# OSError built by hand picks its subclass from errno and formats like CPython.
for args in [(2, "No such file or directory"), (13, "Permission denied", "f.txt"), (17, "File exists"), (99, "Other")]:
    err = OSError(*args)
    print(type(err).__name__, err, err.args, err.filename)
print(OSError("plain"), OSError(), OSError(1, 2, 3, 4, 5, 6))

path = __file__ + ".%d.tmp" % os.getpid()
f = open(path, "w")
attempt("read on w", f.read)
attempt("readline on w", f.readline)
attempt("write int", f.write, 5)
print(isinstance(attempt("unsupported", f.read) or io.UnsupportedOperation("x"), OSError))
f.close()
attempt("write closed", f.write, "x")
attempt("writelines closed", f.writelines, ["x"])

f = open(path)
attempt("write on r", f.write, "x")
attempt("read str", f.read, "x")
f.close()
attempt("read closed", f.read)
attempt("readline closed", f.readline)
attempt("iter closed", iter, f)
attempt("next closed", next, f)
os.remove(path)
print(f.closed, f.mode)

# An error from open() that nobody catches.
open("missing_at_the_end.txt")

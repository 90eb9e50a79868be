# split/rsplit (whitespace and separators, maxsplit), strip/lstrip/rstrip, join and
# replace on bytes, with their errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(b"a,b,,c".split(b","), b"a,b,,c".rsplit(b","), b"a,b,,c".split(b",", 1), b"a,b,,c".rsplit(b",", 1))
print(b"  one two\tthree\n ".split(), b"  one two  ".split(None, 1), b"  one two  ".rsplit(None, 1))
print(b"".split(), b"".split(b","), b"   ".split(), b"abc".split(b"abc"), b"x--y--z".split(b"--", maxsplit=1))
print(b"a b c".split(maxsplit=0), b"a b c".rsplit(sep=None, maxsplit=1))
print(b"xxhixx".strip(b"x"), b"xxhixx".lstrip(b"x"), b"xxhixx".rstrip(b"x"), b" \t hi \n".strip())
print(b"abcba".strip(b"ab"), b"hi".strip(None), b"".strip(), b"\x0b\x0chi\x0b".strip())
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b", ".join((b"x",)), b"+".join(iter([b"1", b"2"])))
print(b"abcabc".replace(b"b", b"XY"), b"abcabc".replace(b"", b"-"), b"abcabc".replace(b"b", b"", 1))
print(b"aaa".replace(b"a", b"b", 0), b"aaa".replace(b"a", b"b", -1), b"".replace(b"", b"x"), b"ab".replace(b"", b"-", 2))
print(b"Hello World 123".upper(), b"Hello World 123".lower(), b"caf\xe9".upper())
print(b"123".isdigit(), b"12a".isdigit(), b"abc".isalpha(), b"ab1".isalnum(), b" \t".isspace(), b"".isdigit())
print(b"\x7f".isascii(), b"\x80".isascii(), b"".isascii())
show(lambda: b"abc".split(b""))
show(lambda: b"abc".split(","))
show(lambda: b"abc".split(b"a", "x"))
show(lambda: b"abc".split(b"a", 1, 2))
show(lambda: b"abc".rsplit(1))
show(lambda: b"abc".strip("a"))
show(lambda: b"abc".strip(b"a", b"b"))
show(lambda: b"-".join(["a"]))
show(lambda: b"-".join([b"a", 1]))
show(lambda: b"-".join(5))
show(lambda: b"abc".replace("a", "b"))
show(lambda: b"abc".replace(b"a"))
show(lambda: b"abc".replace(b"a", b"b", "x"))
show(lambda: b"abc".replace(b"a", b"b", count=1))
show(lambda: b"abc".upper(1))

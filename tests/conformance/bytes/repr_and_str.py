# repr of bytes: CPython picks the quotes, escapes \t \n \r and the backslash, and
# shows everything outside printable ASCII as \xNN; str() and formatting use the repr.
samples = [
    b"", b"plain", b"it's", b'say "hi"', b"both ' and \"", b"tab\there",
    b"new\nline", b"cr\r", b"back\\slash", bytes(range(0, 8)), bytes(range(120, 136)),
    bytes([255, 254, 127, 31, 32]),
]
for s in samples:
    print(repr(s), len(s))
print(str(b"abc"), f"{b'abc'}", "%s|%r" % (b"x", b"y"), format(b"q"))
print([b"a", (b"b",), {b"c": b"d"}])
print(bytes(range(256)))

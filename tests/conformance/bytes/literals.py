# Bytes literals: every escape form, raw and triple-quoted prefixes, implicit
# concatenation across lines, and the constants the compiler folds.
print(b"a\tb\nc\rd\\e\'f\"g")
print(b"\x00\x01\x7f\x80\xfe\xff")
print(b"\101\102\0\12\1234")
print(b"\a\b\f\v")
print(rb"\n\x00", Rb"\t", bR"x", BR"y", br'\'')
print(b'''one
two''', b"""three""")
print(b"ab" b'cd' rb"\e")
joined = (b"first "
          b"second "
          rb"third\n")
print(joined, len(joined))
print(b"\
continued")
print(b"unknown \d \N{DASH} escapes stay")
print(b"" == b'', b"abc"[1], b"abc"[-1], b"ab" * 3, 2 * b"xy", b"ab" + b"cd")


def consts():
    return b"folded" + b"!", b"z" * 4, b"idx"[0], b"not" b"folded"


print(consts())
print(type(b""), type(b"x").__name__)
print(b"x" if b"" else b"y", not b"", bool(b"\x00"))

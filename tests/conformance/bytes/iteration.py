# Iterating bytes yields ints: for loops, comprehensions, unpacking, enumerate, zip,
# sum, the iterator type and its length hint.
import operator

data = b"Python"
for byte in data:
    print(byte, chr(byte), end="; ")
print()
print([b ^ 0x20 for b in data], sum(data), any(b > 120 for b in data), all(data))
first, *rest = b"xyz"
print(first, rest)
print(list(enumerate(b"ab")), list(zip(b"ab", b"cd")), dict.fromkeys(b"aab"))
it = iter(b"abc")
print(type(it).__name__, operator.length_hint(it), next(it), operator.length_hint(it), list(it), list(it))
print(list(reversed(b"abc")), type(reversed(b"abc")).__name__)
print(bytes(reversed(b"stressed")), bytes(sorted(b"hello")), bytes(b + 1 for b in b"HAL"))
print(set(b"mississippi") == set(b"misp"), max(b"zebra"), b"".join(bytes([c]) for c in b"abc"))

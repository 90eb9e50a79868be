# bytes are hashable: equal bytes hash equal (and like the equal ASCII str), so they
# work as dict keys and set members; bytes and str keys stay distinct.
a = b"key"
b = bytes([107, 101, 121])
print(a == b, hash(a) == hash(b), hash(b"") == hash(b""), hash(a) == hash("key"))
d = {a: 1, b"other": 2}
d[b] = 3
print(d, len(d), d[b"key"], b"other" in d, "key" in d)
d["key"] = 4
print(len(d), d[b"key"], d["key"])
s = {b"x", b"x", bytes(b"x"), b"y"}
print(len(s), b"x" in s, sorted(s))
print({(b"a", 1): "tuple key"}[(b"a", 1)])
print(a.__hash__() == hash(a))
counts = {}
for word in b"the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items()))

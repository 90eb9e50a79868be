# Method calls on values of built-in types: one call site that sees several types in
# turn (its cached look-up must follow the type), user classes with the same method
# names, missing methods, and built-in types refusing new attributes.
class Counter:
    def count(self, x):
        return "Counter.count(%r)" % (x,)


def call_count(v, x):
    return v.count(x)


for v, x in [([1, 2, 1], 1), ((1, 1, 1), 1), ("a1b1", "1"), (Counter(), 1), ([1], 1), ("11", "1"), ((), 1)]:
    print(type(v).__name__, call_count(v, x))

for v in [{1: 2}, 3, 2.5, 10**30, None]:
    try:
        call_count(v, 1)
    except AttributeError as e:
        print("AttributeError:", e)


def upper_or_bits(v):
    return v.bit_length() if isinstance(v, int) else v.upper()


print([upper_or_bits(v) for v in ["ab", 255, "c", 10**40, -7, "Zz"]])

for t, name in [(list, "append"), (str, "upper"), (dict, "get"), (int, "bit_length")]:
    try:
        setattr(t, name, None)
    except TypeError as e:
        print("TypeError:", e)
print([1, 2].index(2), "abc".upper(), {1: 2}.get(1), (7).bit_length())
for v in [1, 2.0, 10**20, True]:
    print(v.conjugate(), v.real, v.imag)
getter = {"a": 1}.get
print(getter("a"), getter("b", 0), "x".join(["1", "2"]), list.append)

# Subclasses of str: a str everywhere a str is accepted, plus their own methods.
class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("alice")
print(n, repr(n), n.shout(), n + "x", "x" + n, n * 2, len(n), n[0], n[1:3], n[::-1])
print(type(n + "x").__name__, type(n.upper()).__name__, type(n[0]).__name__, type(str(n)).__name__)
print(n == "alice", n != "bob", n < "bob", hash(n) == hash("alice"), {n: 1}["alice"], {"alice": 2}[n])
print(isinstance(n, str), type(n) is Name, n.startswith("al"), n.endswith(("x", "ce")), n.find("i"), n.count("l"))
print("-".join([n, n]), f"<{n}>", f"{n:>8}|", f"{n!r}", "%s/%r" % (n, n), "{}".format(n), format(n, "^9"))
print("li" in n, n in "malice!", n.split("i"), "a,b".split(Name(",")), n.replace("l", "L"), n.strip("ae"))
print("alice".startswith(Name("ali")), "alice".find(Name("c")), sorted([Name("b"), "a", Name("c")]))
print(int(Name("42")), float(Name("2.5")), str(n) == n, str(n) is n, list(n), set(Name("aab")) == {"a", "b"})
n.nick = "al"
print(n.nick, n.__dict__)


# __new__ normalises the value; __str__ is honoured by str() and print, not by repr().
class Lower(str):
    def __new__(cls, value):
        return super().__new__(cls, value.lower())

    def __str__(self):
        return "Lower(" + self + ")"


w = Lower("MiXeD")
print(w, repr(w), str(w), w == "mixed", len(w), w.upper(), f"{w}", "%s" % w)


class Word(str):
    def __len__(self):
        return 99

    def __getitem__(self, i):
        return "item"

    def __eq__(self, other):
        return str.__eq__(self.lower(), other.lower())

    __hash__ = str.__hash__


print(len(Word("ab")), Word("ab")[0], Word("AB") == "ab", Word("ab").upper(), str(Word("ab")))

# Subclasses of list: construction, every list operation, and the subclass's own parts.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack([3, 1, 2])
s.push(5).push(7)
s += [8]
s.extend((9,))
print(s, type(s).__name__, len(s), s.peek(), s[0], s[-2], s[1:3], type(s[1:3]).__name__)
print(s + [1], type(s + [1]).__name__, [0] + s, s * 2, 2 * Stack([1]), 3 in s, 4 in s)
print(sorted(s), list(reversed(s)), max(s), sum(s), s.index(5), s.count(1))
s.sort(reverse=True)
print(s, type(s).__name__, s == [9, 8, 7, 5, 3, 2, 1], s != Stack(), s < [10], Stack([1]) == Stack([1]))
s[0] = 100
del s[1]
s.insert(0, -1)
s.remove(3)
print(s, s.pop(), s.pop(0), s)
s[1:3] = ["a", "b", "c"]
print(s, bool(Stack()), bool(s), str(s), repr(s), f"{s}", "%s" % (s,), [s])
print(isinstance(s, list), isinstance(s, Stack), type(s) is Stack, issubclass(Stack, list))
s.label = "stack"
print(s.label, s.__dict__, vars(s))
t = s
t *= 2
print(t is s, len(s), type(t).__name__)
s.clear()
print(s, len(s), s.copy(), type(s.copy()).__name__, list(Stack("abc")), tuple(Stack([1, 2])))
for i, x in enumerate(Stack(["x", "y"])):
    print(i, x)
print(dict.fromkeys(Stack([1, 2])), set(Stack([1, 1, 2])), "-".join(Stack(["a", "b"])))


# __init__ overrides reach list.__init__ through super().
class Range(list):
    def __init__(self, n, step=1):
        super().__init__(range(0, n, step))
        self.n = n


r = Range(10, 3)
print(r, r.n, len(r))
r.__init__(4)
print(r, r.n)


class Empty(list):
    def __init__(self):
        pass


print(Empty(), len(Empty()))

try:
    hash(Stack())
except TypeError as e:
    print("TypeError:", e)
try:
    Stack([1]).nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    Stack(1, 2)
except TypeError as e:
    print("TypeError:", e)

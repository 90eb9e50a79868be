# The rest of deque's API: indexing, assignment, del, in, count, index, insert, remove,
# reverse, copy, clear, comparisons, + and *, repr, and CPython's error messages.
from collections import deque

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque([3, 1, 4, 1, 5, 9, 2, 6])
print(d[2], d[-1], 1 in d, 7 in d, d.count(1), d.index(1), d.index(1, 2), d.index(9, -4, -1))
d[0] = 30
del d[1]
print(d)
d.insert(2, "x")
d.insert(-1, "y")
d.insert(100, "end")
d.insert(-100, "start")
print(d)
d.remove("x")
d.reverse()
print(d)
c = d.copy()
c.clear()
print(c, d == c, d != c, len(d))
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) >= deque([1, 2]), deque([1]) == [1])
print(deque("ab") + deque("cd"), deque([1, 2]) * 2, 3 * deque([0]), deque([1], maxlen=3) * 5)
e = deque([1, 2])
e += [3]
e *= 2
print(e)
print(repr(deque()), repr(deque(maxlen=2)), str(deque([None, "s", 1.5])))

empty = deque()
attempt("pop", empty.pop)
attempt("popleft", empty.popleft)
attempt("getitem", lambda: d[50])
attempt("getitem neg", lambda: d[-50])
attempt("setitem", lambda: empty.__setitem__(0, 1))
attempt("str index", lambda: d["a"])
attempt("index", lambda: d.index(42))
attempt("remove", lambda: d.remove(42))
attempt("insert full", lambda: deque([1, 2], maxlen=2).insert(0, 0))
attempt("maxlen", lambda: deque([], -1))
attempt("maxlen type", lambda: deque([], "3"))
attempt("concat", lambda: deque([1]) + [2])
attempt("hashable", lambda: deque.__hash__ is None)
attempt("maxlen attr", lambda: deque([1, 2, 3], 2).maxlen)
attempt("count", lambda: deque("banana").count("a"))

it = iter(d)
next(it)
d.append(0)
attempt("mutated", lambda: next(it))

# bisect for lookup tables, sorted inserts and ranges; lo/hi/key; error paths.
import bisect


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 2, hi=3), bisect.bisect_right(a, 100, lo=2, hi=4))
print(bisect.bisect_left(a, 2, 10), bisect.bisect_right(a, 2, hi=-5), bisect.bisect_left(a, 2, hi=None))

names = []
for n in ["mango", "apple", "kiwi", "banana", "apple", "cherry"]:
    bisect.insort(names, n)
print(names)
nums = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort_left(nums, v)
    bisect.insort_right(nums, -v)
print(nums)

# key= compares key(a[i]) with x (x is already a key for bisect, not for insort).
records = [("ann", 31), ("bob", 25), ("cy", 40)]
records.sort(key=lambda r: r[1])
print(records, bisect.bisect_left(records, 30, key=lambda r: r[1]), bisect.bisect_right(records, 40, key=lambda r: r[1]))
bisect.insort(records, ("dee", 28), key=lambda r: r[1])
bisect.insort_left(records, ("eve", 25), key=lambda r: r[1])
print(records)

# Any sequence works for searching; insort calls insert().
print(bisect.bisect_right(range(0, 100, 5), 42), bisect.bisect_left("acegik", "f"), bisect.bisect((1.5, 2.5), 2))


class Log:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def insert(self, i, x):
        print("insert", i, x)
        self.items.insert(i, x)


log = Log()
for v in [3, 1, 2]:
    bisect.insort(log, v)
print(log.items, bisect.bisect_left(log, 2))


def attempt(label, f, *args, **kwargs):
    try:
        print(label, f(*args, **kwargs))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


attempt("neg lo", bisect.bisect, [1, 2], 1, -1)
attempt("no len", bisect.bisect, 5, 1)
attempt("missing x", bisect.bisect_right, [1, 2])
attempt("missing a", bisect.bisect_left)
attempt("tuple insort", bisect.insort, (1,), 1)
attempt("hi past end", bisect.bisect_left, [1, 2, 3], 2, hi=10)
attempt("hi past end 2", bisect.bisect_left, [1, 2, 3], 5, hi=10)
attempt("too many", bisect.bisect_left, [1, 2, 3], 2, 0, 1, 5)
attempt("bad kw", bisect.bisect_left, [1, 2, 3], 2, foo=1)
attempt("twice", bisect.bisect_left, [1, 2, 3], 2, 0, lo=1)
attempt("mixed", bisect.bisect_right, [1, "a"], 2)
attempt("lo str", bisect.bisect_left, [1, 2, 3], 2, "a")
attempt("lo None", bisect.bisect_left, [1, 2, 3], 2, lo=None)
attempt("key fails", bisect.bisect_left, [1, 2, 3], 2, key=len)
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)

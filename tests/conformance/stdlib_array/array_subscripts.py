# array subscripts that are not slices, as CPython's array_subscr/array_ass_subscr read
# them: ints and __index__ objects only, too-big ones an IndexError naming their type,
# the index checked before the value is converted; element access and iteration
# that do not copy the array (a long array read and written element by element).
from array import array


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Two:
    def __index__(self):
        return 2


class Huge:
    def __index__(self):
        return 2 ** 70


class Noisy:
    def __float__(self):
        print("  __float__ called")
        return 4.5


a = array('d', [1.5, 2.5, 3.5])
print(a[True], a[False], a[-1], a[-3], a[Two()])
attempt("a[2**70]", lambda: a[2 ** 70])
attempt("a[-2**70]", lambda: a[-2 ** 70])
attempt("a[Huge()]", lambda: a[Huge()])
attempt("a[1.0]", lambda: a[1.0])
attempt("a['0']", lambda: a['0'])
attempt("a[None]", lambda: a[None])
attempt("a[3]", lambda: a[3])
attempt("a[-4]", lambda: a[-4])


def store(i, v):
    a[i] = v
    return a


def delete(i):
    del a[i]
    return a


attempt("a[Two()] = 9", lambda: store(Two(), 9))
attempt("a[2**70] = 1.0", lambda: store(2 ** 70, 1.0))
attempt("a[None] = 1.0", lambda: store(None, 1.0))
attempt("a[5] = 'x'", lambda: store(5, 'x'))
attempt("a[5] = Noisy()", lambda: store(5, Noisy()))
attempt("a[0] = Noisy()", lambda: store(0, Noisy()))
attempt("a[0] = 'x'", lambda: store(0, 'x'))
attempt("del a[Huge()]", lambda: delete(Huge()))
attempt("del a[1.5]", lambda: delete(1.5))
attempt("del a[-1]", lambda: delete(-1))

# An iterator reads the array as it is at each step.
b = array('B', [1, 2])
it = iter(b)
print(next(it))
b.append(3)
b[1] = 20
print(list(it), list(it))

# Element by element over a long array: each access is O(1).
n = 20000
v = array('d', [0]) * n
for i in range(n):
    v[i] = i * 0.5
total = 0.0
for i in range(n):
    total += v[i]
v[-1] += 1.0
print(total, v[n - 1], sum(v), len(v))
count = 0
for x in v:
    count += 1
print(count)

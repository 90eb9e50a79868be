# An index out of range inside a compiled loop whose indexing ran inline until then:
# the helper raises IndexError, and the traceback (tests/tier2.rs compares stderr with
# the interpreter's) points at the subscript in `walk`.


def walk(xs, n):
    total = 0
    for i in range(n):
        total += xs[i]
    return total


def main():
    xs = [1, 2, 3, 4]
    print(walk(xs, 4))
    print(walk(xs, 6))


main()

# Loops whose bodies reach instructions compiled code has no translation for (a
# `raise` in them) leave to the interpreter there and re-enter at the loop header;
# a module-level loop runs compiled after OSR.
import sys


def rare_raise(n):
    caught = 0
    total = 0
    for i in range(n):
        total += i * 2
        if i % 100 == 0:
            try:
                raise ValueError(i)
            except ValueError:
                caught += 1
    return total, caught


def every_raise(n):
    caught = 0
    for i in range(n):
        try:
            raise KeyError(i)
        except KeyError:
            caught += 1
    return caught


print(rare_raise(5000))
print(every_raise(3000))

acc = 0
names = []
for k in range(20000):
    acc += k % 7
    if k % 5000 == 0:
        names.append(str(k))
print(acc, names)

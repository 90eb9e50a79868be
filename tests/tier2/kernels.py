# Kernels tier 2 must compile (tests/tier2.rs checks --jit-stats): recursion with
# small-int arithmetic, nested int loops, float arithmetic, overflow into big ints,
# and an exception raised inside compiled code and caught by the caller.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def kernel(n):
    total = 0
    for i in range(n):
        a = i * 7 + 3
        for j in range(n):
            b = (a ^ j) + (i & j)
            k = 0
            while k < 4:
                b = (b * 31 + k) % 65521
                k += 1
            if b % 3 == 0:
                total += b
            else:
                total -= b >> 2
        total %= 1000000007
    return total


def floats(x, y):
    return x / y + x * 2.5 - y + (-x // 3) * 1000 + (x % -7) * 100000


def grow(n):
    r = 1
    for i in range(n):
        r = r * 1000 - i
    return r


def add_one(x):
    return x + 1


def div(a, b):
    return a // b


print(fib(20))
print(kernel(60))
print(floats(3.0, 4.0), floats(10, 3), floats(2**50, 3))
print(grow(12), grow(3))
try:
    add_one("a")
except TypeError as e:
    print("caught", e)
try:
    div(1, 0)
except ZeroDivisionError as e:
    print("caught", e)

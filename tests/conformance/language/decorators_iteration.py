# Decorators with arguments, user iterables consumed by for/list/sorted/sum/unpacking,
# enumerate(start=), sorted stability, sys.stdout.write and time.sleep.
import sys
import time


def repeat(times, sep=" "):
    def decorate(func):
        def wrapper(*args, **kwargs):
            return sep.join(func(*args, **kwargs) for _ in range(times))
        wrapper.__name__ = func.__name__
        wrapper.__wrapped__ = func
        return wrapper
    return decorate


def tagged(tag):
    def decorate(func):
        func.tag = tag
        return func
    return decorate


@repeat(3, sep="-")
@tagged("greeting")
def hello(name):
    return f"hi {name}"


print(hello("ann"), hello.__name__, hello.__wrapped__.tag)

registry = {}


def register(name=None):
    def decorate(cls):
        registry[name or cls.__name__] = cls
        return cls
    return decorate


@register()
class Alpha:
    pass


@register("beta")
class Beta:
    pass


print(sorted(registry), registry["beta"] is Beta)


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


class Squares:
    """An iterator class: __iter__ returns self, __next__ raises StopIteration."""

    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * self.i


for v in Countdown(3):
    print(v, end=" ")
print()
print(list(Countdown(4)), sorted(Countdown(4)), sum(Countdown(4)), max(Countdown(5)), min(Squares(3)))
a, b, *rest = Countdown(5)
print(a, b, rest, tuple(Squares(4)), set(Countdown(2)) == {1, 2}, dict(zip(Countdown(2), Squares(2))))
print([x for x in Squares(5) if x % 2], 9 in Squares(4), 10 in Squares(4), any(x > 8 for x in Squares(3)))
print(" ".join(str(x) for x in Countdown(3)), list(map(str, Squares(2))), list(enumerate(Countdown(2), 1)))
sq = Squares(2)
print(list(sq), list(sq))

for i, name in enumerate(["a", "b", "c"], start=10):
    print(i, name, end="; ")
print()
print(list(enumerate("xy", -1)), list(enumerate([], start=5)), next(enumerate(Countdown(1), start=3)))
try:
    enumerate("ab", start="1")
except TypeError as e:
    print(e)

people = [("bob", 25), ("amy", 31), ("cat", 25), ("dan", 31), ("eve", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, reverse=True), sorted("banana", reverse=True))
by_age = sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[1])
print(by_age)
words = ["Banana", "apple", "cherry", "Apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)

n = sys.stdout.write("direct write\n")
print(n, sys.stdout.write(""), sys.stdout.write("é✓\n"))
t0 = time.monotonic()
print(time.sleep(0.01), time.sleep(0))
print(time.monotonic() - t0 >= 0.009)
for bad in [-1, "x"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# collections.abc in isinstance/issubclass: built-in types, user classes that only
# define the methods (the structural __subclasshook__ checks), a method set to None
# opting out, and subscripted annotations.
from collections import deque, OrderedDict, Counter
from collections.abc import (Iterable, Iterator, Sized, Container, Callable, Hashable,
                             Sequence, MutableSequence, Mapping, MutableMapping, Set,
                             MutableSet, Generator, Reversible, Collection)

ABCS = (Iterable, Iterator, Sized, Container, Callable, Hashable, Sequence, MutableSequence,
        Mapping, MutableMapping, Set, MutableSet, Generator, Reversible, Collection)

def kinds(v):
    return [a.__name__ for a in ABCS if isinstance(v, a)]

def gen():
    yield 1

for v in [[1], (1,), {"a": 1}, {1}, frozenset(), "s", 3, 2.5, None, range(2), deque(),
          len, print, lambda: 0, gen(), iter([]), {}.keys(), {}.items(), OrderedDict(), Counter(), int]:
    print(type(v).__name__, kinds(v))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

class Box:
    def __len__(self):
        return 1
    def __contains__(self, x):
        return x == 1
    def __call__(self):
        return "called"

class NoHash:
    def __eq__(self, other):
        return True

class NotIterable:
    def __iter__(self):
        return iter(())
    __iter__ = None

for v in [Countdown(2), Box(), NoHash(), NotIterable(), object()]:
    print(type(v).__name__, kinds(v))

print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(str, MutableSequence),
      issubclass(Countdown, Iterator), issubclass(Box, (Iterable, Sized)), issubclass(int, Hashable))
print(isinstance([], (int, Sized)), isinstance(3, (str, Iterable)))

def total(xs: Iterable[int]) -> int:
    return sum(xs)

def first(m: Mapping[str, int], key: str) -> int:
    return m[key]

print(total(Countdown(4)), first({"k": 7}, "k"), Iterable[int] is not None, Callable[[int], str] is not None)
try:
    issubclass(3, Iterable)
except TypeError as e:
    print(type(e).__name__, e)

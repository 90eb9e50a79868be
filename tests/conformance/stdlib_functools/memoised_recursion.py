# lru_cache and cache memoising recursive functions; cache_info counts, eviction
# order of bounded caches, typed caches, keyword keys and cache_clear.
from functools import lru_cache, cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(90), fib.cache_info())
print(fib.cache_info().hits, fib.cache_info().currsize, fib.cache_parameters())
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.cache_info())

@cache
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), paths.cache_info())

@lru_cache
def edit(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit(a[1:], b[1:])
    return 1 + min(edit(a[1:], b), edit(a, b[1:]), edit(a[1:], b[1:]))
print(edit('kitten', 'sitting'), edit('intention', 'execution'), edit.cache_info().maxsize)

calls = []
@lru_cache(maxsize=3)
def square(x):
    calls.append(x)
    return x * x
for v in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    square(v)
print(calls, square.cache_info())

@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())

@lru_cache(maxsize=-5)
def negsize(x):
    return x
negsize(1)
print(negsize.cache_info())

@lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed(1), typed.cache_info())

@lru_cache
def untyped(x):
    return type(x).__name__
print(untyped(1), untyped(1.0), untyped(True), untyped(2), untyped(2.0), untyped.cache_info())

@cache
def kw(a, b=0, *, c=0):
    return a + b + c
print(kw(1), kw(1, 0), kw(1, b=0), kw(a=1), kw(1, c=0), kw(1), kw.cache_info())

try:
    kw([1])
except TypeError as e:
    print('TypeError', e)

class Graph:
    def __init__(self, edges):
        self.edges = edges
    @lru_cache(maxsize=None)
    def reach(self, node):
        return frozenset([node]).union(*(self.reach(n) for n in self.edges.get(node, ())))
    def __hash__(self):
        return 1
g = Graph({'a': ['b', 'c'], 'b': ['d'], 'c': ['d'], 'd': []})
print(sorted(g.reach('a')), sorted(g.reach('c')), Graph.reach.cache_info())
print(fib.__name__, fib.__wrapped__(1), paths.__qualname__, edit.__doc__)

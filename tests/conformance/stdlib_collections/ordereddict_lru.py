# An LRU cache on OrderedDict: move_to_end on every hit, popitem(last=False) to evict
# the least recently used entry; a memoised function on top of it.
from collections import OrderedDict

class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        if key not in self.data:
            self.misses += 1
            return None
        self.hits += 1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            print("evict", old)

cache = LRUCache(3)
for k in "abc":
    cache.put(k, k.upper())
print(cache.get("a"), cache.get("z"))
cache.put("d", "D")
cache.put("b", "B2")
cache.put("e", "E")
print(cache.data, list(cache.data), cache.hits, cache.misses)

memo = OrderedDict()
def fib(n):
    if n in memo:
        memo.move_to_end(n)
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    if len(memo) > 5:
        memo.popitem(last=False)
    return r

print(fib(30), list(memo.items()))

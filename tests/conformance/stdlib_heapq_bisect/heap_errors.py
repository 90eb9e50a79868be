# _heapq's argument checks and comparison errors (raised from native code).
import heapq


def attempt(label, f, *args, **kwargs):
    try:
        print(label, f(*args, **kwargs))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


attempt("push int", heapq.heappush, 5, 1)
attempt("push one arg", heapq.heappush, [])
attempt("pop int", heapq.heappop, 5)
attempt("pop empty", heapq.heappop, [])
attempt("pop none", heapq.heappop)
attempt("heapify tuple", heapq.heapify, (1,))
attempt("replace empty", heapq.heapreplace, [], 1)
attempt("pushpop empty", heapq.heappushpop, [], 1)
attempt("push kw", heapq.heappush, heap=[], item=1)
attempt("pop_max empty", heapq.heappop_max, [])
attempt("replace_max int", heapq.heapreplace_max, 1, 2)
h = [1]
attempt("mixed types", heapq.heappush, h, "a")
print(h)
attempt("heapify mixed", heapq.heapify, [3, "b", 1])
attempt("nlargest int", heapq.nlargest, 2, 5)
attempt("nsmallest str n", heapq.nsmallest, "x", [1, 2])


class Task:
    def __init__(self, p):
        self.p = p

    def __lt__(self, other):
        return self.p < other.p

    def __repr__(self):
        return f"Task({self.p})"


q = []
for p in [5, 3, 8, 1]:
    heapq.heappush(q, Task(p))
print(q, heapq.heappop(q), heapq.nsmallest(2, q), heapq.nlargest(2, q))


class Evil:
    def __lt__(self, other):
        heap.clear()
        return True


heap = [Evil(), Evil(), Evil()]
attempt("mutating compare", heapq.heappush, heap, Evil())
heapq.heappush(h, None)

# heapq as a priority queue: task scheduling, Dijkstra, top-k and merging sorted runs.
import heapq

tasks = []
for prio, name in [(3, "write"), (1, "plan"), (4, "test"), (1, "coffee"), (2, "code"), (5, "ship")]:
    heapq.heappush(tasks, (prio, name))
print(tasks[0], len(tasks))
order = []
while tasks:
    order.append(heapq.heappop(tasks))
print(order)

data = [9, 4, 7, 1, 8, 2, 2, 6, 5, 3, 0]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data[0], heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print([heapq.heappop(data) for _ in range(len(data))])

mx = [3, 1, 4, 1, 5, 9, 2, 6]
heapq.heapify_max(mx)
print(mx, heapq.heappop_max(mx), heapq.heapreplace_max(mx, 0), heapq.heappushpop_max(mx, 7))
heapq.heappush_max(mx, 8)
print(mx)

graph = {
    "a": [("b", 7), ("c", 9), ("f", 14)],
    "b": [("a", 7), ("c", 10), ("d", 15)],
    "c": [("a", 9), ("b", 10), ("d", 11), ("f", 2)],
    "d": [("b", 15), ("c", 11), ("e", 6)],
    "e": [("d", 6), ("f", 9)],
    "f": [("a", 14), ("c", 2), ("e", 9)],
}


def dijkstra(start):
    dist = {start: 0}
    queue = [(0, start)]
    done = set()
    while queue:
        d, node = heapq.heappop(queue)
        if node in done:
            continue
        done.add(node)
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(queue, (nd, nxt))
    return dict(sorted(dist.items()))


print(dijkstra("a"))

words = "the quick brown fox jumps over the lazy dog again and again".split()
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nlargest(4, [5, 1, 5, 3, 5, 2]), heapq.nsmallest(2, iter([5, 1, 5, 3])), heapq.nlargest(1, []))
print(heapq.nsmallest(10, [3, 1, 2]), heapq.nlargest(0, [1, 2]), heapq.nsmallest(1, "zebra"))
pairs = [(1, "x"), (0, "y"), (1, "z"), (0, "w"), (2, "v")]
print(heapq.nsmallest(3, pairs, key=lambda p: p[0]), heapq.nlargest(3, pairs, key=lambda p: p[0]))
print(heapq.nsmallest(3, iter(range(100, 0, -7))), heapq.nlargest(3, iter(range(100)), key=lambda v: v % 10))

print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9], [])))
print(list(heapq.merge(["dog", "horse"], ["cat", "fish", "kangaroo"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 3], reverse=True)), list(heapq.merge()), list(heapq.merge([1, 2])))
print(list(heapq.merge([(1, "a"), (2, "b")], [(1, "c")], key=lambda t: t[0])))
print(heapq.__all__)

# Breadth-first search with a deque: shortest paths in a grid maze and the levels of
# a graph.
from collections import deque

maze = [
    "S.#.....",
    ".##.###.",
    "....#...",
    ".##...#E",
]

def shortest(maze):
    rows, cols = len(maze), len(maze[0])
    start = end = None
    for r, row in enumerate(maze):
        for c, ch in enumerate(row):
            if ch == "S":
                start = (r, c)
            elif ch == "E":
                end = (r, c)
    dist = {start: 0}
    prev = {}
    q = deque([start])
    while q:
        cell = q.popleft()
        if cell == end:
            break
        r, c = cell
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[cell] + 1
                prev[(nr, nc)] = cell
                q.append((nr, nc))
    path = deque()
    cell = end
    while cell != start:
        path.appendleft(cell)
        cell = prev[cell]
    path.appendleft(start)
    return dist[end], list(path)

n, path = shortest(maze)
print(n)
print(path)

graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: []}
levels = {1: 0}
q = deque([1])
visit = []
while q:
    node = q.popleft()
    visit.append(node)
    for nxt in graph[node]:
        if nxt not in levels:
            levels[nxt] = levels[node] + 1
            q.append(nxt)
print(visit, levels)

# alloc_objects: a loop that allocates many short-lived small instances,
# tuples and lists (vector math with __add__/__mul__, a tiny linked list that
# is built and dropped, list-of-list rows). Stresses allocation and
# deallocation / GC of small objects and attribute stores.
import sys


class Vec2:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec2(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Node:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest


class Tagged(Vec2):
    def __init__(self, x, y, tag):
        super().__init__(x, y)
        self.tag = tag


def build_chain(n, base):
    head = None
    for k in range(n):
        head = Node(base + k, head)
    return head


def chain_sum(head):
    s = 0
    while head is not None:
        s += head.value
        head = head.rest
    return s


def run(n):
    acc = Vec2(0, 0)
    total = 0
    keep = []
    for i in range(n):
        v = Vec2(i % 97, i % 89) + Vec2(1, 2) * 3
        t = Tagged(v.x, v.y, i & 7)
        acc = acc + Vec2(t.x - t.tag, t.y)
        row = [v.x, v.y, t.tag, (i, i + 1)]
        pair = (row, len(row))
        total += pair[1] + row[3][1] - row[3][0]
        if i % 16 == 0:
            head = build_chain(8, i)
            total += chain_sum(head) % 1000
        if i % 1024 == 0:
            # keep a bounded window of survivors so some objects live longer
            keep.append([Vec2(i, -i) for _ in range(4)])
            if len(keep) > 32:
                del keep[0]
        total = (total + v.dot(t)) % 1000000007
    survivors = 0
    for group in keep:
        for w in group:
            survivors += w.x - w.y
    return total, acc.x, acc.y, survivors


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500000
    total, ax, ay, survivors = run(n)
    print(f"alloc_objects({n}): total={total} acc=({ax}, {ay}) survivors={survivors}")
    print(f"checksum: {total} {ax} {ay} {survivors}")


main()

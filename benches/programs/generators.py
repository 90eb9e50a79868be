# generators: a pipeline of chained generators (source -> map -> filter ->
# batching -> flattening via `yield from`), plus a recursive `yield from`
# tree walk and a generator driven by next(). Measures generator creation,
# suspension/resumption and delegation.
import sys


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def scramble(src):
    for x in src:
        yield (x * 2654435761) % 1000003


def keep_odd(src):
    for x in src:
        if x & 1:
            yield x


def batches(src, size):
    batch = []
    for x in src:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def flatten(src):
    for batch in src:
        yield from batch


def windowed_sums(src):
    prev = 0
    for x in src:
        yield prev + x
        prev = x


def tree(depth, label):
    """Recursively yields labels of a complete binary tree, in order."""
    if depth == 0:
        yield label
        return
    yield from tree(depth - 1, label * 2)
    yield label
    yield from tree(depth - 1, label * 2 + 1)


def take(gen, k):
    out = []
    for _ in range(k):
        out.append(next(gen))
    return out


def run(n):
    total = 0
    count = 0
    for v in windowed_sums(flatten(batches(keep_odd(scramble(counter(n))), 7))):
        total = (total + v) % 1000000007
        count += 1
    tree_sum = 0
    depth = 12
    for rep in range(max(1, n // 40000)):
        tree_sum += sum(x % 1000 for x in tree(depth, 1 + rep))
    fives = take(counter(n), 5)
    squares = sum(x * x for x in range(n // 10) if x % 3 != 0)
    return total, count, tree_sum, sum(fives), squares


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    total, count, tree_sum, fives, squares = run(n)
    print(f"generators({n}): pipeline={total} items={count} tree={tree_sum} squares={squares}")
    print(f"checksum: {total} {count} {tree_sum} {fives} {squares}")


main()

# Deeply nested comprehensions and their evaluation order.
def t(label, value):
    print('  eval', label)
    return value
print([(a, b) for a in t('outer iterable', [1, 2]) for b in t('inner iterable for %d' % a, 'xy')])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
print([[grid[r][c] for r in range(3)] for c in range(3)])
print([[[k for k in range(j)] for j in range(i)] for i in range(4)])
print({r: {c: r * c for c in range(3)} for r in range(2)})
flat = [v for row in grid for v in row if v % 2 == 0]
print(flat)
print([x + y for x in 'ab' for y in 'cd' if x != 'b' or y != 'd'])
print([(i, j, k) for i in range(3) for j in range(i, 3) for k in range(j, 3) if i + j + k == 4])
print(sum(sum(row) for row in grid), max(max(row) for row in grid))
print([[v for v in row if v > 4] for row in grid])
print([row for row in grid if any(v > 6 for v in row)])
words = ['ab', 'cde', 'f']
print([[ch * i for i, ch in enumerate(w, 1)] for w in words])
print(''.join([c for w in words for c in reversed(w)]))

# product, permutations, combinations and combinations_with_replacement solving small
# puzzles; output order must be CPython's lexicographic order.
from itertools import product, permutations, combinations, combinations_with_replacement

# Dice: ways to roll each total with two dice.
totals = {}
for a, b in product(range(1, 7), repeat=2):
    totals[a + b] = totals.get(a + b, 0) + 1
print(totals)

# Magic-square rows: permutations of 1..9 whose rows, columns and diagonals sum to 15.
squares = []
for p in permutations(range(1, 10)):
    if p[0] + p[1] + p[2] != 15 or p[3] + p[4] + p[5] != 15:
        continue
    if p[0] + p[3] + p[6] == 15 and p[1] + p[4] + p[7] == 15 and p[0] + p[4] + p[8] == 15 \
            and p[2] + p[4] + p[6] == 15 and p[2] + p[5] + p[8] == 15:
        squares.append(p)
print(len(squares), squares[0], squares[-1])

# Subsets of coins summing to a target.
coins = [1, 2, 5, 10, 20, 50]
print([c for r in range(len(coins) + 1) for c in combinations(coins, r) if sum(c) == 27])

# Change-making with repetition: multisets of 3 coins.
print([c for c in combinations_with_replacement([1, 5, 10, 25], 3) if sum(c) == 35])

print(list(product('ab', [0, 1])), list(product()), list(product('ab', [])), list(product('ab', repeat=0)))
print(list(permutations('abc', 2)), list(permutations([])), list(permutations('ab', 3)), list(permutations('ab', 0)))
print(list(combinations('abcd', 2)), list(combinations('abc', 0)), list(combinations('ab', 3)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement('', 2)),
      list(combinations_with_replacement('', 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(20), 3))), len(list(product(range(4), repeat=4))))
print(sum(1 for _ in combinations_with_replacement(range(10), 4)))

# Pools are materialised at construction: later changes to the input do not matter.
pool = [1, 2, 3]
c = combinations(pool, 2)
pool.append(4)
print(list(c))

# Eight queens: count solutions with permutations.
def queens(n):
    count = 0
    cols = range(n)
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            count += 1
    return count
print(queens(6), queens(7))

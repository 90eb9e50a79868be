# groupby: run-length encoding, grouping sorted records by key, and groups that
# share the underlying iterator (advancing the groupby invalidates earlier groups).
from itertools import groupby

def rle(s):
    return ''.join(f'{len(list(g))}{k}' for k, g in groupby(s))

print(rle('aaabccddddde'), rle(''), rle('x'))
print([k for k, _ in groupby('AAAABBBCCDAABBB')])
print([list(g) for _, g in groupby('AAAABBBCCD')])

records = [
    ('fruit', 'apple', 3), ('fruit', 'pear', 5), ('veg', 'kale', 2),
    ('veg', 'leek', 4), ('fruit', 'fig', 1), ('grain', 'rice', 9),
]
records.sort(key=lambda r: r[0])
for kind, group in groupby(records, key=lambda r: r[0]):
    items = list(group)
    print(kind, [name for _, name, _ in items], sum(q for _, _, q in items))

# Keys by parity of consecutive numbers.
print([(k, list(g)) for k, g in groupby([1, 3, 5, 2, 4, 7, 9, 8], key=lambda x: x % 2)])

# Groups share the iterator: advancing the outer one empties the previous group.
gb = groupby('aabbbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
k3, g3 = next(gb)
print(k3, next(g3), list(g3), list(gb))

# Partially consumed group, then the next key.
gb = groupby([1, 1, 1, 2, 2, 3])
k, g = next(gb)
print(k, next(g))
print([(k, list(g)) for k, g in gb])

# Equal-but-not-identical keys group together (1 == 1.0 == True).
print([(k, len(list(g))) for k, g in groupby([1, 1.0, True, 2, 2.0])])

# Longest run of each character.
best = {}
for ch, g in groupby('aabbbbaaaaaccb'):
    best[ch] = max(best.get(ch, 0), len(list(g)))
print(sorted(best.items()))

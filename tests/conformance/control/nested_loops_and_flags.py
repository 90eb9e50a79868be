# Nested loops, early exits via return, and loop-variable behaviour.
def first_pair_summing_to(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return i, j
    return None
print(first_pair_summing_to([2, 7, 11, 15], 9), first_pair_summing_to([1, 2], 10))
def table(n):
    rows = []
    for i in range(1, n + 1):
        row = []
        for j in range(1, n + 1):
            row.append(i * j)
        rows.append(row)
    return rows
for row in table(4):
    print(' '.join(str(v).rjust(3) for v in row))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
transposed = []
for c in range(3):
    transposed.append([matrix[r][c] for r in range(3)])
print(transposed)
found = False
for row in matrix:
    for val in row:
        if val == 5:
            found = True
            break
    if found:
        break
print('found', found, 'row', row, 'val', val)
count = 0
for a in range(5):
    for b in range(a):
        for c in range(b):
            count += 1
print('triples', count)
def gen_loop():
    out = []
    i = 0
    while i < 3:
        for j in range(3):
            if j > i:
                break
            out.append((i, j))
        else:
            out.append('else')
        i += 1
    return out
print(gen_loop())
for i in range(3):
    pass
for j in range(0):
    pass
print(i)
try:
    print(j)
except NameError as e:
    print('NameError:', e)

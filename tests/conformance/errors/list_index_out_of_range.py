# Uncaught IndexError from a list subscript at module level.
items = [10, 20, 30]
print(items[2])
print(items[-3])
value = items[3]
print('never printed', value)

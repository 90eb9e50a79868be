# Uncaught error inside a list comprehension called from a function.
def inverses(values):
    return [1 / v for v in values]

print(inverses([1, 2, 4]))
print(inverses([5, 0]))

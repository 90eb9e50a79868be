# Uncaught NameError at module level with no close match to suggest.
a = 1
b = 2
print(a + b)
print(x)

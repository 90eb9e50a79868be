def lookup(d, k):
    return d[k] + 1


data = {"a": 1}
print(lookup(data, "a"))
lookup(data, "b")

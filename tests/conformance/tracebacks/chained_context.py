d = {}
try:
    d["missing"]
except KeyError:
    print(undefined_name + 1)

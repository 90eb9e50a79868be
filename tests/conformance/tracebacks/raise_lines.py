def check(n):
    if n > 2:
        raise ValueError(f"too big: {n}")
    return n


for i in range(5):
    print(check(i))

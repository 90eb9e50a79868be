def g(x, y, z):
    return (x * 2) + y  - z


g(1, 2, "3")

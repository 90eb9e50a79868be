def add(a, b, c):
    return a + b + c


x = add(
    1,
    2,
    "three",
)

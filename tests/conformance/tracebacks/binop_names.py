def f():
    a = 1
    b = "x"
    return a + b


print(f())

f = lambda x: 1 / x
values = [f(x) for x in [3, 2, 1, 0]]

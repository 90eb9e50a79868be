def one():
    return 1


def two():
    return "two"


result = one() + two()

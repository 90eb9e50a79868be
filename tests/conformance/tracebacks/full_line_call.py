def fail():
    raise TypeError("nope")


def direct():
    return fail()


def assigned():
    x = fail()
    return x


try:
    direct()
except TypeError as e:
    print("caught", e)
assigned()

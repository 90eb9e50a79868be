# A function's locals die when it returns: their __del__ runs then, before the
# caller goes on, also when two locals held the object (the last reference is the
# second one released) or the object was an attribute of itself; and an object
# whose last references were itself and the stack dies at the store that drops
# them.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def two_locals():
    a = Noisy("two locals")
    b = a
    return 1


def one_local():
    a = Noisy("one local")
    return 2


def swap_pair():
    a = Noisy("swapped")
    b = a
    a, b = 3, 4
    print("after the pair store")
    return a + b


def self_attribute():
    o = Noisy("self attribute")
    o.me = o
    o.me = None
    print("after the attribute store")
    return 5


def cyclic(name):
    o = Noisy(name)
    o.me = o
    return o


def drop_own_attribute():
    # The owner is held only by the stack and by the attribute being replaced.
    for i in range(3):
        cyclic("own attribute " + str(i)).me = None
        print("after dropping own attribute", i)


def caller():
    x = two_locals()
    y = x + 1
    print("after two_locals", y)
    x = one_local()
    y = x + 1
    print("after one_local", y)
    x = swap_pair()
    print("after swap_pair", x)
    x = self_attribute()
    print("after self_attribute", x)


def loop():
    total = 0
    for i in range(3):
        total += two_locals()
        total = total + 1
    print("loop total", total)


caller()
loop()
drop_own_attribute()

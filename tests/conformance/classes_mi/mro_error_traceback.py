# An inconsistent MRO in a class statement, uncaught: CPython's traceback.
class Animal:
    pass


class Dog(Animal):
    pass


def build():
    class Confused(Animal, Dog):
        pass
    return Confused


print("building")
build()

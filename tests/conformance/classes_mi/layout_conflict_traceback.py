# Bases with incompatible instance layouts, uncaught.
class Stack(list):
    pass


class Table(dict):
    pass


print("combining")


class Both(Stack, Table):
    pass

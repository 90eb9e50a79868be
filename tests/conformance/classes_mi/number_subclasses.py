# Subclasses of int and float: arithmetic answers with the base type, as in CPython.
class Color(int):
    def __repr__(self):
        return "Color(%d)" % self


RED = Color(1)
print(RED, repr(RED), str(RED), RED + 1, 1 + RED, RED * Color(5), -RED, +RED, abs(Color(-3)), ~RED)
print(type(RED + 1).__name__, type(-RED).__name__, type(RED * RED).__name__, type(int(RED)).__name__)
print(Color(7) // 2, Color(7) % 3, divmod(Color(7), 2), Color(2) ** 3, pow(Color(2), 3, 5), Color(6) / 4)
print(Color(5) < 6, Color(5) == 5, 5 == Color(5), hash(Color(5)) == hash(5), {5: "five"}[Color(5)])
print(int(Color(5)), float(Color(5)), f"{Color(5):03d}", "%d|%x" % (Color(5), Color(255)), format(Color(5), "b"))
print([10, 20, 30][Color(1)], "abc"[Color(2)], range(Color(3)), list(range(10))[Color(1):Color(3)])
print(Color("12"), Color("ff", 16), bool(Color(0)), bool(RED), RED.bit_length(), RED.real, RED.numerator)
print(isinstance(RED, int), type(RED) is Color, Color(3) & 1, Color(4) | 1, Color(8) >> 1, Color(1) << 4)
print(sorted([Color(3), 1, Color(2)]), max(Color(3), 4), sum([Color(1), Color(2)]), round(Color(5)))


class Doubled(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


d = Doubled(21)
print(d, type(d).__name__, d + 0, type(d + 0).__name__)


class Meters(float):
    unit = "m"

    def __str__(self):
        return "%g%s" % (self, self.unit)


m = Meters(2.5)
print(m, repr(m), m + 1, type(m + 1).__name__, m * 2, -m, m < 3, int(m), float(m), round(m))
print(m.is_integer(), f"{m:.2f}", Meters("1.5"), m.real, hash(m) == hash(2.5), 1.0 + m, m / 2, m // 1)
print(isinstance(m, float), type(float(m)).__name__, "%.1f" % m, str(m), Meters(3).unit)
m.note = "height"
print(m.note, vars(m))


class Flag(int):
    def __bool__(self):
        return False

    def __add__(self, other):
        return "Flag+" + repr(other)


print(bool(Flag(1)), Flag(1) + 2, 2 + Flag(1), not Flag(5))

# Uncaught TypeError for a missing argument to a method.
class Shape:
    def scale(self, factor):
        return factor * 2
s = Shape()
print(s.scale(2))
s.scale()

# Uncaught exception raised from __init__ via a nested helper method.
class Temperature:
    def __init__(self, kelvin):
        self.kelvin = self._check(kelvin)

    def _check(self, value):
        if value < 0:
            raise ValueError('kelvin cannot be negative: ' + str(value))
        return value

print(Temperature(300).kelvin)
t = Temperature(-5)

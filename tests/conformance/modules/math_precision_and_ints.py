# math functions on big ints, exactness and float results.
import math
print(math.sqrt(10**20), math.sqrt(2**64), math.floor(10**30), math.ceil(2**70))
print(math.floor(-10**30) == -10**30, math.floor(True), math.ceil(False))
print(math.log(10**100, 10), math.log(2**64, 2), math.exp(math.log(5)))
print(math.floor(0.1 + 0.2 + 0.7), math.ceil(0.1 * 3 * 10), 0.1 * 3 * 10)
print(math.fabs(-2**60), math.sqrt(0.25), math.sqrt(1e-320))
print(math.isnan(math.inf - math.inf), math.isnan(math.inf * 0))
print([round(math.sin(math.pi * k / 6), 12) for k in range(7)])
print([round(math.cos(math.pi * k / 4), 12) for k in range(5)])
print(math.tan(math.pi / 4), math.atan2(1, 0) * 2 == math.pi, math.e ** 2 == math.exp(2))
print(math.floor(-0.0), math.ceil(-0.0), math.fabs(-math.inf), math.sqrt(math.pi))

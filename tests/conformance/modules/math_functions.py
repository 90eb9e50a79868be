# math module functions and constants.
import math
print(math.pi, math.e, math.inf, -math.inf, 2 * math.pi)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(1e308), math.sqrt(2**100))
print(math.floor(2.7), math.floor(-2.7), math.floor(5), math.ceil(2.1), math.ceil(-2.1), math.ceil(-0.5))
print(type(math.floor(2.5)).__name__, type(math.ceil(2.5)).__name__, math.floor(1e20), math.ceil(-1e20))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi), math.sin(math.pi))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(-0.0, -1), math.atan2(0, 0))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(710 - 720), math.log(1), math.log(math.e))
print(math.log(100, 10), math.log(8, 2), math.log(2**1000), math.log(0.5))
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), type(math.fabs(-3)).__name__)
print(math.isnan(float('nan')), math.isnan(1.0), math.isnan(math.inf), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.isinf(float('nan')), math.isnan(0), math.isinf(1))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.exp(1000),
            lambda: math.floor(math.inf), lambda: math.floor(math.nan), lambda: math.sqrt('x'),
            lambda: math.log(10**400) > 0):
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ':', e)
print(math.sqrt(math.inf), math.exp(-math.inf), math.atan2(math.inf, math.inf))
try:
    math.cos(math.inf)
except ValueError as e:
    print('ValueError:', e)

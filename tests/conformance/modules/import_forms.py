# import forms: import x, from x import y, import inside functions, aliases.
import sys
import math
from math import sqrt, floor as fl, pi
import math as m
print(sqrt(49), fl(3.9), pi == math.pi, m is math, m.sqrt is sqrt)
def local_import():
    import math
    from math import ceil
    return math.floor(-0.5), ceil(-0.5)
print(local_import())
print(type(math).__name__, math.__name__, sys.__name__, m.__name__)
import math, sys
print(math.fabs(-1), len(sys.argv))
try:
    math.not_a_function
except AttributeError as e:
    print('AttributeError:', e)
def uses_global_module():
    return math.ceil(1.2)
print(uses_global_module())
sqrt = 'shadowed'
print(sqrt, math.sqrt(4))

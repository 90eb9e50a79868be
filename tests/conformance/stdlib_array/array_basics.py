# array.array as a compact numeric list: construction, indexing, slicing, mutation.
from array import array
import array as array_module

a = array('i', [3, 1, 4, 1, 5])
print(a, len(a), a[0], a[-1], a[1:3], a[::-2], a[10:])
print(a.typecode, a.itemsize, type(a).__name__, type(a).__module__, type(a))
a.append(9)
a.extend([2, 6])
a.extend(array('i', [5, 3]))
a.insert(0, -7)
a.insert(-1, 8)
a.insert(100, 99)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(1), a.count(1), 5 in a, 42 in a)
a.remove(1)
a[0] = 100
a[-1] = -100
print(a, a.tolist())
del a[0]
del a[::3]
print(a)
a[1:3] = array('i', [7, 7, 7])
a[::2] = array('i', [0] * len(a[::2]))
print(a)
a.reverse()
print(a, list(reversed(a)), sorted(a), sum(a), max(a), min(a))
for i, x in enumerate(array('h', [10, 20, 30]), start=1):
    print(i, x, end="; ")
print()

print(array('d'), array('d', [1, 2.5, -0.0]), array('f', [0.1, 1e300]), array('b', range(-3, 3)))
print(array('l', (x * x for x in range(5))), array('q', array('i', [1, 2])), array('d', array('i', [1, 2])))
print(array('B', [0, 255]) + array('B', [1]), array('i', [1, 2]) * 3, 2 * array('i', [0]), array('i', [1]) * -1)
b = array('i', [1])
b += array('i', [2])
b *= 2
print(b)
b.fromlist([5, 6])
print(b, array('I', [2**32 - 1]), array('Q', [2**64 - 1]), array('q', [-2**63]))
print([array(c).itemsize for c in 'bBhHiIlLqQfd'], array_module.typecodes, array_module.ArrayType is array)

# Comparisons are element-wise on the values, across type codes.
print(array('i', [1, 2]) == array('d', [1.0, 2.0]), array('i', [1, 2]) != array('i', [1, 2, 3]))
print(array('i', [1, 2]) < array('i', [1, 3]), array('i', [2]) >= array('b', [1, 9]), array('i') == [])
it = iter(array('i', [1, 2]))
print(next(it), next(it), next(it, "end"), list(it))
x, y, z = array('d', [0.5, 1.5, 2.5])
print(x + y + z)

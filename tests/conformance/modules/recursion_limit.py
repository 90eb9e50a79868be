# sys.getrecursionlimit / setrecursionlimit and their effect on deep recursion.
import sys
original = sys.getrecursionlimit()
print('default limit', original, type(original).__name__)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
try:
    depth(5000)
except RecursionError as e:
    print('RecursionError at default limit:', e)
sys.setrecursionlimit(10000)
print('new limit', sys.getrecursionlimit())
print(depth(5000))
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError:
    print('RecursionError with limit 200')
print(depth(100))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError:', e)
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print('ValueError:', e)
try:
    sys.setrecursionlimit('x')
except TypeError as e:
    print('TypeError:', e)
sys.setrecursionlimit(original)
print('restored', sys.getrecursionlimit() == original)

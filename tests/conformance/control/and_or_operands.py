# and/or return one of their operands and short-circuit.
def v(x):
    print('  eval', repr(x))
    return x
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0, '' and 'x', [] or {}, 'a' or 'b')
print(0 or None, None and 0, 0.0 or -0.0, [0] and 'yes')
print('--- and short-circuits')
r = v(0) and v(1)
print(r)
print('--- or short-circuits')
r = v(5) or v(6)
print(r)
print('--- chain')
r = v(1) and v('') or v('fallback') and v([])
print(repr(r))
r = v(None) or v(0) or v('')
print(repr(r))
r = not v(0) and v('x')
print(r)
print(type(1 and 2.5).__name__, type(0 or 0.0).__name__, type([] and 1).__name__)
x = None
name = x or 'default'
print(name)
lst = []
first = lst and lst[0]
print(repr(first))
lst = [7]
first = lst and lst[0]
print(first)
print((1 or 2) + 10, (0 and 2) + 10)
a = b = 0
print(a or b or 'all falsy', a == 0 or 1 / a)
print(True and not False, not (True and False), not True or True)

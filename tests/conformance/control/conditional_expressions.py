# Conditional expressions: laziness, nesting and precedence.
def v(x):
    print('eval', x)
    return x
print(v('yes') if v(True) else v('no'))
print(v('yes') if v(0) else v('no'))
for n in range(-2, 3):
    print(n, 'neg' if n < 0 else 'zero' if n == 0 else 'pos')
x = 3
print(1 + 2 if x else 10, 1 + (2 if x else 10), (1 + 2) if not x else 10)
print([i if i % 2 else -i for i in range(6)])
print([i for i in range(6) if i % 2] if x > 2 else [])
f = (lambda a: 'big' if a > 10 else 'small')
print(f(5), f(50))
s = 'abc' if x else None
print(s.upper() if s else s)
print(x if x > 100 else -x if x > 2 else 0)
print((v('a') if 1 else v('b')) + (v('c') if 0 else v('d')))
print('T' if [] else 'F', 'T' if [[]] else 'F', 'T' if '0' else 'F', 'T' if 0.0 else 'F')

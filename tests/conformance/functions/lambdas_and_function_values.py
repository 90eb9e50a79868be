# Lambdas and functions as first-class values.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, k=2))
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b}
for sym in ops:
    print(sym, ops[sym](6, 3))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 3), apply_twice(lambda s: s + '!', 'hi'))
funcs = [abs, str, len, square]
print([fn(-4) if fn is not len else fn('four') for fn in funcs])
print(sorted(['ccc', 'a', 'bb'], key=lambda s: -len(s)))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
def returns_function(kind):
    if kind == 'upper':
        def f(s):
            return s.upper()
    else:
        def f(s):
            return s.lower()
    return f
print(returns_function('upper')('MiXed'), returns_function('lower')('MiXed'))
print(square.__name__, add.__name__, returns_function('upper').__name__)
print(callable(square), callable(1), callable(print), callable(returns_function))
def func():
    return 'attr'
func.custom = 42
print(func.custom, func(), func is func, func == func)
alias = func
print(alias.__name__, alias())
print((lambda x: (lambda y: x + y))(3)(4))
print(type(square).__name__, type(print).__name__)
curried = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curried(1)(2)(3))

# args, str() and repr() of exceptions with zero, one and many arguments.
cases = [ValueError(), ValueError('msg'), ValueError('a', 'b'), ValueError(42), ValueError(None),
         ValueError(''), ValueError(('t',)), KeyError('key'), KeyError(), KeyError('a', 'b'),
         KeyError(3), IndexError('idx'), Exception("it's"), RuntimeError('line1\nline2'),
         StopIteration(5), StopIteration(), ZeroDivisionError('division by zero'), SystemExit(3),
         TypeError([1, 2]), AssertionError(), NotImplementedError('todo'), OverflowError('big')]
for e in cases:
    print(type(e).__name__, e.args, '|' + str(e) + '|', repr(e))
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
e = ValueError('x')
e.args = ('changed', 1)
print(e, repr(e), e.args)
e.custom = 'attr'
print(e.custom)
try:
    raise ValueError
except ValueError as caught:
    print(repr(caught), caught.args)
try:
    raise KeyError('missing') from None
except KeyError as caught:
    print(str(caught), repr(caught), caught.__suppress_context__)
print(str(KeyError('')), repr(KeyError('')), str(KeyError("it's")))
print(isinstance(ValueError(), BaseException), ValueError('a') == ValueError('a'))
print([ValueError('v')], (KeyError('k'),), f'{TypeError("t")}', f'{TypeError("t")!r}', '%s' % IndexError('i'))

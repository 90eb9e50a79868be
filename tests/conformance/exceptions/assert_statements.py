# assert with and without messages; the message is evaluated lazily.
def check(cond, msg=None):
    try:
        if msg is None:
            assert cond
        else:
            assert cond, msg
        return 'passed'
    except AssertionError as e:
        return 'AssertionError args=%r str=%r' % (e.args, str(e))
print(check(True), check(1), check([0]))
print(check(False))
print(check(0, 'zero is falsy'))
print(check([], ['list', 'message']))
print(check('', 42))
print(check(None, ValueError('exc as message')))
def msg():
    print('  message evaluated')
    return 'lazy'
try:
    assert 1 == 1, msg()
    print('no message evaluation when assertion passes')
    assert 1 == 2, msg()
except AssertionError as e:
    print('caught', e)
x = 5
try:
    assert x > 10, 'x is %d' % x
except AssertionError as e:
    print(e)
try:
    assert isinstance(x, str), f'expected str, got {type(x).__name__}'
except AssertionError as e:
    print(e)
def sorted_check(lst):
    for a, b in zip(lst, lst[1:]):
        assert a <= b, (a, b)
    return True
print(sorted_check([1, 2, 3]))
try:
    sorted_check([1, 3, 2])
except AssertionError as e:
    print('unsorted pair', e.args[0])

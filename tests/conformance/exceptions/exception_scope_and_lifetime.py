# The `as` name is deleted after the handler; exceptions as values.
try:
    raise ValueError('scoped')
except ValueError as err:
    print('inside:', err)
try:
    print(err)
except NameError as e:
    print('NameError:', e)
saved = None
try:
    raise KeyError('kept')
except KeyError as err2:
    saved = err2
print('saved outlives handler:', repr(saved))
def f():
    e = 'local before'
    try:
        raise TypeError('t')
    except TypeError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return 'UnboundLocalError: ' + str(u)
print(f())
errors = []
for exc_type in (ValueError, KeyError, IndexError):
    try:
        raise exc_type('n%d' % len(errors))
    except Exception as exc:
        errors.append(exc)
print(errors, [type(x).__name__ for x in errors])
def make():
    return RuntimeError('made, not raised')
e = make()
print(repr(e))
try:
    raise e
except RuntimeError as caught:
    print(caught is e, caught.args)
exc_class = ZeroDivisionError
try:
    raise exc_class
except ArithmeticError as z:
    print(repr(z))
handlers = (KeyError, ValueError)
try:
    int('nope')
except handlers as h:
    print('dynamic tuple handler:', h)
try:
    raise StopIteration('stop value')
except StopIteration as s:
    print(s.value, s.args)

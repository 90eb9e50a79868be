# __exit__ receives the exception; returning True suppresses it.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, exc_type, exc, tb):
        name = exc_type.__name__ if exc_type else None
        print('exit sees', name, repr(exc), tb is not None)
        return exc_type is not None and issubclass(exc_type, self.types)
with Suppress(ZeroDivisionError):
    print('before error')
    1 / 0
    print('not reached')
print('continued after suppressed ZeroDivisionError')
try:
    with Suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as e:
    print('propagated:', e)
with Suppress(LookupError):
    [][0]
print('IndexError suppressed via LookupError')
class TruthyExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return 'non-empty string is truthy'
with TruthyExit():
    raise RuntimeError('swallowed')
print('truthy return value suppresses too')
class FalsyExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return 0
try:
    with FalsyExit():
        raise RuntimeError('kept')
except RuntimeError as e:
    print('falsy return keeps exception:', e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise KeyError('from exit')
try:
    with ExitRaises():
        raise ValueError('original')
except KeyError as e:
    print('exit exception replaces:', repr(e), 'context:', repr(e.__context__))
class EnterRaises:
    def __enter__(self):
        raise ValueError('enter failed')
    def __exit__(self, *a):
        print('exit not called when enter fails')
try:
    with EnterRaises():
        print('body not run')
except ValueError as e:
    print('caught', e)
def suppressed_in_function():
    with Suppress(TypeError):
        return None + 1
    return 'fell through'
print(suppressed_in_function())
try:
    with Suppress(Exception):
        raise SystemExit(2)
except SystemExit as e:
    print('SystemExit not suppressed by Exception, code', e.code)

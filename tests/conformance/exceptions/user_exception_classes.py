# User-defined exception classes with extra state, custom __str__, hierarchies.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return 'config key %r: %s' % (self.key, self.reason)
class NetworkError(AppError):
    def __init__(self, code):
        self.code = code
class Retry(NetworkError):
    pass
for exc in (AppError('plain'), ConfigError('port', 'not a number'), NetworkError(503), Retry(429)):
    try:
        raise exc
    except ConfigError as e:
        print('config:', e, '|', repr(e), e.args, e.key)
    except NetworkError as e:
        print('network:', type(e).__name__, e.code, e.args, repr(str(e)))
    except AppError as e:
        print('app:', e, repr(e))
print(issubclass(Retry, AppError), isinstance(Retry(1), Exception), Retry.__name__)
class WithRepr(Exception):
    def __repr__(self):
        return 'WithRepr!'
print(repr(WithRepr('x')), str(WithRepr('x')), [WithRepr()])
class Base(BaseException):
    pass
try:
    try:
        raise Base('not an Exception')
    except Exception:
        print('not caught by Exception')
except BaseException as e:
    print('caught by BaseException:', e)
class ValueErr(ValueError):
    pass
try:
    int('q')
except ValueErr:
    print('wrong')
except ValueError as e:
    print('builtin ValueError not a ValueErr:', e)
try:
    raise ValueErr('sub')
except ValueError as e:
    print('subclass caught by parent:', type(e).__name__, e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print('TypeError:', e)
try:
    try:
        raise AppError('x')
    except NotAnException:
        pass
except TypeError as e:
    print('TypeError:', e)
class Counted(Exception):
    count = 0
    def __init__(self, *args):
        Counted.count += 1
        super().__init__(*args)
for i in range(3):
    try:
        raise Counted(i)
    except Counted:
        pass
print(Counted.count, Counted(9).args)

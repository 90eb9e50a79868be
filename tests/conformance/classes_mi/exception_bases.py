# Exceptions with several exception bases are caught by each of them.
class ConfigError(ValueError, KeyError):
    pass


class NetError(FileNotFoundError, ZeroDivisionError):
    pass


class Retryable:
    retries = 3


class FlakyError(Retryable, RuntimeError):
    def __init__(self, what):
        super().__init__("flaky: " + what)
        self.what = what


def fail(exc):
    raise exc


for handler in (ValueError, KeyError, LookupError, Exception):
    try:
        fail(ConfigError("missing 'port'"))
    except handler as e:
        print("caught by", handler.__name__, type(e).__name__, e.args)

try:
    fail(ConfigError("k"))
except (TypeError, KeyError) as e:
    print("tuple handler:", repr(e), str(e))

print([c.__name__ for c in ConfigError.__mro__])
print([c.__name__ for c in NetError.__mro__])

for exc in (NetError("down"), FlakyError("disk")):
    try:
        fail(exc)
    except OSError as e:
        print("OSError:", e, isinstance(e, ArithmeticError))
    except RuntimeError as e:
        print("RuntimeError:", e, e.what, e.retries, isinstance(e, Retryable))


class ReprError(Retryable, ValueError):
    def __str__(self):
        return "custom message"


try:
    fail(ReprError(1, 2))
except ValueError as e:
    print(e, repr(e), e.args, e.retries)

try:
    try:
        fail(ConfigError("inner"))
    except KeyError as e:
        raise FlakyError("outer") from e
except Exception as e:
    print(type(e).__name__, "from", type(e.__cause__).__name__, e.__cause__.args)

# The built-in exception hierarchy: catching by base classes.
classes = [BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError,
           IndexError, KeyError, ValueError, TypeError, AttributeError, NameError, UnboundLocalError,
           RuntimeError, RecursionError, NotImplementedError, StopIteration, GeneratorExit,
           AssertionError, KeyboardInterrupt, SystemExit]
bases = [BaseException, Exception, ArithmeticError, LookupError, NameError, RuntimeError]
for cls in classes:
    print(cls.__name__.ljust(20), [b.__name__ for b in bases if issubclass(cls, b)],
          [c.__name__ for c in classes if c is not cls and issubclass(cls, c)][-1:])
def catch(cls):
    try:
        raise cls('x')
    except ArithmeticError:
        return 'ArithmeticError'
    except LookupError:
        return 'LookupError'
    except NameError:
        return 'NameError'
    except RuntimeError:
        return 'RuntimeError'
    except Exception:
        return 'Exception'
    except BaseException:
        return 'BaseException only'
for cls in classes:
    print(cls.__name__, '->', catch(cls))
try:
    1 / 0
except ArithmeticError as e:
    print('ZeroDivisionError via ArithmeticError:', type(e).__name__)
try:
    [][0]
except LookupError as e:
    print('via LookupError:', type(e).__name__, e)
try:
    {}['k']
except LookupError as e:
    print('via LookupError:', type(e).__name__, e)
def unbound():
    v = v + 1
try:
    unbound()
except NameError as e:
    print('via NameError:', type(e).__name__)
print(issubclass(bool, BaseException), issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception))
print(issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception), issubclass(RecursionError, RuntimeError))

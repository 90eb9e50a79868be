# All combinations of try/except/else/finally and their ordering.
def run(fail):
    log = []
    try:
        log.append('try')
        if fail:
            raise ValueError('boom')
        log.append('try-end')
    except ValueError as e:
        log.append('except ' + str(e))
    else:
        log.append('else')
    finally:
        log.append('finally')
    log.append('after')
    return log
print(run(False))
print(run(True))
def only_finally(fail):
    try:
        if fail:
            raise KeyError('k')
        return 'returned'
    finally:
        print('  finally runs, fail =', fail)
print(only_finally(False))
try:
    only_finally(True)
except KeyError as e:
    print('propagated', repr(e))
def unmatched():
    try:
        raise TypeError('not caught here')
    except ValueError:
        print('wrong handler')
    else:
        print('no else on exception')
    finally:
        print('  unmatched finally')
try:
    unmatched()
except TypeError as e:
    print('outer caught', e)
def multiple_handlers(exc):
    try:
        raise exc
    except KeyError:
        return 'KeyError handler'
    except LookupError:
        return 'LookupError handler'
    except (ValueError, TypeError) as e:
        return 'tuple handler ' + type(e).__name__
    except Exception as e:
        return 'generic ' + type(e).__name__
for exc in (KeyError(), IndexError(), ValueError(), TypeError(), ZeroDivisionError(), RuntimeError):
    print(multiple_handlers(exc))
def error_in_else():
    try:
        pass
    except ZeroDivisionError:
        print('not here: else exceptions are not caught by siblings')
    else:
        1 / 0
try:
    error_in_else()
except ZeroDivisionError:
    print('else error propagated')
def error_in_handler():
    try:
        raise ValueError('first')
    except ValueError:
        raise KeyError('second')
    finally:
        print('  finally after handler error')
try:
    error_in_handler()
except KeyError as e:
    print('got', repr(e), 'context', repr(e.__context__))
try:
    try:
        raise ValueError
    finally:
        print('inner finally')
except ValueError:
    print('outer except')
else:
    print('outer else not reached')
finally:
    print('outer finally')

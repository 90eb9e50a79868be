# Bare raise re-raises the exception being handled; errors when none is active.
def reraise():
    try:
        raise ValueError('original')
    except ValueError:
        print('handling, then re-raising')
        raise
try:
    reraise()
except ValueError as e:
    print('caught again:', e)
def nested_reraise():
    try:
        raise KeyError('outer')
    except KeyError:
        try:
            raise IndexError('inner')
        except IndexError:
            pass
        raise
try:
    nested_reraise()
except LookupError as e:
    print('bare raise after inner handler re-raises:', repr(e))
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
def helper():
    raise
try:
    try:
        raise TypeError('from caller')
    except TypeError:
        helper()
except TypeError as e:
    print('helper re-raised:', e)
def modify_and_reraise():
    try:
        raise ValueError('v')
    except ValueError as e:
        e.args = ('modified',)
        raise
try:
    modify_and_reraise()
except ValueError as e:
    print(e)
def after_handler():
    try:
        raise ValueError('gone')
    except ValueError:
        pass
    try:
        raise
    except RuntimeError as e:
        return 'RuntimeError: ' + str(e)
print(after_handler())
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    raise 42
except TypeError as e:
    print('TypeError:', e)
try:
    raise int
except TypeError as e:
    print('TypeError:', e)

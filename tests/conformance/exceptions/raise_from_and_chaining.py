# Implicit (__context__) and explicit (__cause__) exception chaining.
def show(e):
    print(type(e).__name__, repr(str(e)),
          'cause=' + repr(e.__cause__), 'context=' + repr(e.__context__),
          'suppress=' + str(e.__suppress_context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('implicit')
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError('explicit') from z
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('suppressed') from None
except ValueError as e:
    show(e)
try:
    raise KeyError('k') from TypeError('unrelated cause')
except KeyError as e:
    show(e)
try:
    raise IndexError('cls cause') from RuntimeError
except IndexError as e:
    show(e)
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    raise ValueError('bad cause') from 5
except TypeError as e:
    show(e)
def three_levels():
    try:
        try:
            raise KeyError('a')
        except KeyError:
            raise IndexError('b')
    except IndexError:
        raise RuntimeError('c')
try:
    three_levels()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(' <- '.join(chain))
try:
    try:
        raise ValueError('same')
    except ValueError as v:
        raise v
except ValueError as e:
    show(e)
e = ValueError('manual')
e.__cause__ = KeyError('set by hand')
print(e.__suppress_context__, repr(e.__cause__))
try:
    try:
        raise TypeError('ctx')
    finally:
        print('finally with pending exception')
except TypeError as e:
    show(e)

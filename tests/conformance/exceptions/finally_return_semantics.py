# finally runs on return/break/continue out of try; the returned value is fixed first.
def return_value_fixed():
    x = 1
    try:
        return x
    finally:
        x = 2
        print('  x set to', x)
print(return_value_fixed())
def mutable_return():
    lst = [1]
    try:
        return lst
    finally:
        lst.append(2)
print(mutable_return())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print('finally for', i)
print('after loop i =', i)
for i in range(3):
    try:
        if i != 1:
            continue
        print('body for', i)
    finally:
        print('finally on continue', i)
def nested():
    try:
        try:
            return 'inner'
        finally:
            print('  inner finally')
    finally:
        print('  outer finally')
print(nested())
def finally_order():
    log = []
    for i in range(2):
        try:
            try:
                log.append('t%d' % i)
                if i:
                    continue
                log.append('no-continue')
            finally:
                log.append('f1-%d' % i)
        finally:
            log.append('f2-%d' % i)
    return log
print(finally_order())
def while_return():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print('  iteration', n)
print(while_return())
def exception_passes_through():
    try:
        try:
            raise ValueError('v')
        finally:
            print('  finally sees pending exception')
    except ValueError as e:
        return 'caught ' + str(e)
print(exception_passes_through())
def return_in_except_then_finally():
    try:
        raise KeyError('k')
    except KeyError:
        return 'from except'
    finally:
        print('  finally after except-return')
print(return_in_except_then_finally())
def finally_raises():
    try:
        return 'never delivered'
    finally:
        raise RuntimeError('finally replaced the return')
try:
    finally_raises()
except RuntimeError as e:
    print(e)
def finally_raise_replaces_exception():
    try:
        raise ValueError('original')
    finally:
        raise TypeError('replacement')
try:
    finally_raise_replaces_exception()
except TypeError as e:
    print(repr(e), 'context:', repr(e.__context__))

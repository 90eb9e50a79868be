# return/break/continue inside finally override pending returns and exceptions.
# CPython 3.14 emits a compile-time SyntaxWarning for each of these (PEP 765).
def override():
    try:
        return 'try'
    finally:
        return 'finally'
print(override())
def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(swallow())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return 'exception discarded, i = %d' % i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())

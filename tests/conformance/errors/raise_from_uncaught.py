# Uncaught exception with an explicit cause: both tracebacks are printed.
def lookup(table, key):
    try:
        return table[key]
    except KeyError as e:
        raise LookupError('no entry for ' + repr(key)) from e

print(lookup({'a': 1}, 'a'))
lookup({'a': 1}, 'b')

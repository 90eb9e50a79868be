# Errors from functools: the C parts' messages (which may escape) and the Python
# parts' (caught here, as their tracebacks pass through functools.py).
import functools

def t(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__, e)

t('reduce empty', lambda: functools.reduce(lambda a, b: a, []))
t('reduce iter', lambda: functools.reduce(len, 3))
t('reduce args', lambda: functools.reduce(len))
t('reduce func', lambda: functools.reduce(3, [1, 2]))
t('partial none', lambda: functools.partial())
t('partial int', lambda: functools.partial(3))
t('partial call', lambda: functools.partial(len, 1, 2)())
t('cmp_to_key none', lambda: functools.cmp_to_key())
t('key compare', lambda: functools.cmp_to_key(len)(1) < 2)
t('lru float', lambda: functools.lru_cache(1.5))
t('lru unhashable', lambda: functools.cache(len)([1]))
t('total none', lambda: functools.total_ordering(type('X', (), {})))
t('wrapper int', lambda: functools._lru_cache_wrapper(1, 1, False, None))

@functools.lru_cache
def boom(x):
    raise ValueError(f'bad {x}')
t('cached raise', lambda: boom(1))
t('cached raise again', lambda: boom(1))
print(boom.cache_info())

class Twice:
    @functools.cached_property
    def value(self):
        return 1
t('cached_property unnamed', lambda: functools.cached_property(len).__get__(Twice()))

functools.reduce(lambda a, b: a + b, [])

# Arguments are evaluated left to right before the call; defaults at def time.
def t(label, value=None):
    print('evaluating', label)
    return label if value is None else value
def show(*args, **kwargs):
    print('inside show')
    return args, kwargs
print(show(t('a'), t('b'), *[t('c')], k=t('k'), **{'m': t('m')}))
print('---')
def callee_from(label):
    print('looking up callee', label)
    return show
print(callee_from('f')(t('x'), t('y')))
print('---')
class O:
    def method(self, a):
        return 'method got ' + a
def obj(label):
    print('producing object', label)
    return O()
print(obj('o').method(t('arg')))
print('---')
def defaults(a=t('default a'), b=t('default b')):
    return a, b
print('defined')
print(defaults(), defaults(1))
print('---')
def kwdefault(*, x=t('kw default')):
    return x
print(kwdefault())
print('---')
print(t('outer', t('inner1', 1) + t('inner2', 2)))
try:
    show(t('before error'), 1 / 0, t('never'))
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)

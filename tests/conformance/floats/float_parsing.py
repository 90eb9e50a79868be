# float() from strings and numbers; accepted forms and errors.
cases = ['1.5', '  -2.25  ', '+3', '1e3', '1E-3', '.5', '5.', '-.5e1', 'inf', '-inf', '+inf',
         'Infinity', '-INFINITY', 'nan', 'NaN', '-nan', 'iNf', '1_000.5', '16',
         '\n7\t', '1e500', '-1e500', '1e-400', '-0', '-0.0', '00012.5', '3.14159265358979323846']
for s in cases:
    print(repr(s), float(s))
bad = ['', ' ', 'abc', '1.2.3', '1e', 'e5', '--1', '1_', '_1', '1__0', 'in', 'nanx', '0x10', '1 2', '1,5']
for s in bad:
    try:
        print(float(s))
    except ValueError as e:
        print('ValueError:', e)
print(float(), float(7), float(-3), float(2**70), float(0.5))
for v in (None, [1.0], (1,)):
    try:
        float(v)
    except TypeError as e:
        print('TypeError:', e)
class F:
    def __float__(self):
        return 2.5
print(float(F()))

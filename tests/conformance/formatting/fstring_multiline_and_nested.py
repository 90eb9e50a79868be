# More f-string literal placements: escapes, multi-line fields and specs, nested
# quotes, implicit concatenation across lines, and f-strings as assert messages.
n = 5
items = [1, 2]
msg = f'''
  {n}
  {items[0]:>{n}}
  {{braces}}
'''
multi = f'a{n
}b'
spec_multi = f'{n:{
    n}}'
deep = f'{f'{f'{n}'}'}'
assert n > 0, f'bad {n}'
assert n, f'x' 'y'
assert n, 'x' f'{n}y'
print(msg, multi, spec_multi, deep)
x = f'{n!a}' f'{n!s}' f'{n!r}'
y = f'{"a" "b"}'
z = f'{n:}'
w = f'{n!r:}'
print(x, y, z, w)
aa = f'{{'
bb = f'}}{n}'
cc = f'{n}{{'
dd = f'\N{BULLET} {n} \N{EM DASH}'
ee = f'{n:>{w}x}'
ff = f'{n:0{w}d}|{n:_<{w}}'
gg = (
    'start '
    f'{n}'
    '''
    triple'''
    f'''x
{n:{w}}
y'''
)
hh = f'tab\there{n}\\back'
ii = f'{n=:>{w}}'
jj = f'{n=!s:>{w}}'
kk = f'{ n !r}'
ll = f'{n  =  }'
mm = f'a' f'b' f'c{n}'
oo = f'{n}' 'z' f'{n}'
pp = f'{(lambda: n)()}'
qq = f'{n:{w}{w}}'
rr = f'\x41{n}\u00e9\U0001F600'
ss = fr'{n}\d+{{'
tt = f'{n:%Y-%m-%d}' if False else ''
uu = f'{3.5:{"^"}{10}.{2}f}'
vv = f"""a
b""" f'{n}'
print(aa, bb, cc, dd, ee, ff, gg, hh, ii, jj, kk, ll, mm, oo, pp, qq, rr, ss, tt, uu, vv)

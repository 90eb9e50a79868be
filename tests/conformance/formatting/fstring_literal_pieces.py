# f-strings whose literal pieces sit at many places: concatenated with plain strings,
# around {{ }} escapes, after '=' debug text, in format specs, nested, multi-line and
# raw. The values must match; tests/tools/dis_compare.py also checks each piece's
# LOAD_CONST position against CPython's.
x = 3.14159
n = 42
name = 'world'
w = 10
a = f'hello {name}!'
b = f'{x:.2f} and {n:>{w}} end'
c = f'{x=}'
d = f'{x = }'
e = f'{x=!r}'
f = f'{x=:.3f}'
g = f'{n!r:>10}'
h = f'{{literal}} {n} {{x}}'
i = f'a{{' f'{n}' 'plain' f'}}b'
j = 'pre' f'{n}' 'post'
k = f'{f"{n}"}'
l = f"{x:{w}.{3}}"
m = f'''first line
second {n} line
third {x:.1f}
'''
o = f"""{
    n + 1
} tail"""
p = rf'raw\n{n}\t'
q = f'esc\n{n}\ttab'
r = f'é ü {name} ñ'
s = f''
t = f'{n}'
u = f'{n}{x}'
v = f'{x=}{n=}'
y = (f'one {n}'
     f' two {x}'
     ' three')
z = f'{n:{"<" if n else ">"}{w}}'
aa = f'{ n = }'
bb = f'{n=} tail'
cc = f'head {n=}'
dd = f'{n:x} {n:o} {n:#b}'
ee = f'{name!s:^20}'
ff = f"{'nested ' + f'{n:>3}'}"
gg = f'line\
continued {n}'
print(a, b, c, d, e, f, g, h, i, j, k, l, m, o, p, q, r, s, t, u, v, y, z, aa, bb, cc, dd, ee, ff, gg)
def fn(v):
    return f'in function {v!r:>8} {v=}'
print(fn(1))

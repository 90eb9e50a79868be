# Nested replacement fields for widths and precisions, in f-strings and format().
for w in (1, 5, 9):
    print(f'[{"ab":>{w}}]', f'[{"ab":^{w}}]', f'[{7:0{w}d}]')
for p in (0, 1, 3, 6):
    print(f'{3.14159265:.{p}f}', '{:.{}f}'.format(2.5, p), '{0:.{1}f}'.format(1 / 3, p))
w, p = 10, 2
print(f'[{3.14159:{w}.{p}f}]', f'[{3.14159:>{w}.{p}f}]', f'[{3.14159:<{w}.{p}f}]')
print('[{:{}}]'.format('x', 4), '[{:>{width}}]'.format('y', width=6), '[{0:^{1}}]'.format('z', 5))
align = '^'
print(f'[{"mid":{align}11}]', '[{:{}{}}]'.format('q', '>', 4))
def fmt(v, spec):
    return format(v, spec)
print(fmt(5, '03d'), fmt('s', '>3'), fmt(2.5, '.3f'), fmt(255, 'x'), fmt('abc', ''), fmt(12, ''))
print(format(3.0), format(-7), format('t'), format(None), format([1]))
d = {'a': 1, 'b': [10, 20]}
print(f'{d["a"]} {d["b"][1]} {len(d)}')
items = [('apple', 1.5, 3), ('kiwi', 0.25, 12), ('watermelon', 4.0, 1)]
for nm, price, qty in items:
    print(f'{nm:<12}|{price:>6.2f}|{qty:>3d}|{price * qty:8.2f}')
print(f'{"x" if True else "y"}', f'{(lambda v: v * 2)(4)}', f'{"a":>{2 + 2}}')

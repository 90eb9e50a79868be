# f-strings: conversions and alignment/width specs.
name = 'Ann'
q = "it's"
n = 42
x = 3.14159
print(f'{name}', f'{name!r}', f'{name!s}', f'{q!r}', f'{n!r}', f'{x!r}', f'{None!r}')
print(f'[{name:>5}]', f'[{name:<5}]', f'[{name:^9}]', f'[{name:^8}]', f'[{name:>2}]')
print(f'[{n:>5}]', f'[{n:<5}]', f'[{n:^9}]', f'[{n:05d}]', f'[{-n:05d}]', f'[{n:5d}]')
print(f'[{x:.2f}]', f'[{-x:.2f}]', f'[{x:8.3f}]', f'[{x:<8.1f}]', f'[{x:^9.2f}]', f'[{x:.0f}]')
print(f'[{name!r:>8}]', f'[{name!r:<8}]', f'[{[1, 2]!r:^10}]')
print(f'{n:x}', f'{255:x}', f'{-255:x}', f'{2**70:x}', f'{0:x}', f'{n:5x}|', f'{n:05x}')
print(f'{{literal}}', f'{{{n}}}', f'{n}{n}', f'a{n}b{x:.1f}c')
print(f'{n + 1}', f'{n * 2:>6}', f'{"nested" + "!"}', f'{[i * i for i in range(4)]}')
print(f'{True}', f'{True:>6}', f'{None}', f'{(1, 2)}', f'{ {"k": 1} }')
print(f'[{"":>3}]', f'[{"":^0}]', f'[{"toolong":3}]')
print(f'{1.0:.2f}', f'{0.005:.2f}', f'{0.015:.2f}', f'{2.675:.2f}', f'{-0.0:.1f}', f'{1e20:.2f}')
print(f'{float("inf"):.2f}', f'{float("nan"):.3f}', f'{float("-inf"):>8.1f}')
print(f'{12:5}|{"s":5}|{1.5:5}|')
print(f'''{name
}''', f"{'quote'}", f'{n!r:>4}')

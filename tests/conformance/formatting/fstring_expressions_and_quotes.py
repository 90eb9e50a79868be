# f-string expressions: calls, subscripts, nested quotes, conditionals, nesting.
items = ['apple', 'kiwi']
counts = {'apple': 3, 'kiwi': 12}
class Obj:
    def __init__(self):
        self.attr = 'value'
    def method(self, n):
        return 'called with %d' % n
o = Obj()
print(f'{items[0]} {items[-1].upper()} {len(items)} {counts["kiwi"]} {counts['apple']}')
print(f'{o.attr} {o.method(3)} {o.attr!r:>9}')
print(f"{'single in double'} {"same quotes nested"} {'a' + "b"}")
print(f'{3 if items else 4} {[x * 2 for x in range(3)]} {sum(counts.values()):05d}')
print(f'{f"{1 + 1}"} {f"{items[0]:>{len(items[1]) + 3}}"}')
width = 8
for name in items:
    print(f'|{name:<{width}}|{counts[name]:>4d}|{counts[name] / 7:6.2f}|')
print(f'{"{"}{"}"} {{{"braces"}}}')
print(f'{1}{2}{3}', f'', f'{""}', f'{None}{True}')
print(f'{-7:x} {7:x} {2**64:x} {10:05x}')
print(f'{(lambda: "lambda result")()}', f'{ (1, 2) }', f'{ {"k": "v"}["k"] }')
n = 5
print(f'{n}! = {n * 4 * 3 * 2}', f'{n:>3}/{n:<3}/{n:^3}/')
print(f'''multi
{n} line''', f'tab\t{n}', f'newline-{n}\n'.strip())

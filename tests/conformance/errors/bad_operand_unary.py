# Uncaught TypeError: bad operand type for unary minus.
values = [3, -2.5, True]
print([-v for v in values])
label = 'abc'
print(-label)

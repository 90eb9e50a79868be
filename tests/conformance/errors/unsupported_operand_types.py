# Uncaught TypeError: unsupported operand type(s) for +.
total = 0
for item in [1, 2, 'three', 4]:
    print('adding', repr(item))
    total = total + item
print(total)

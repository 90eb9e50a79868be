# Uncaught ValueError from int() on a non-numeric string.
inputs = ['10', '-3', ' 7 ', 'x']
total = 0
for text in inputs:
    total += int(text)
    print('running total', total)

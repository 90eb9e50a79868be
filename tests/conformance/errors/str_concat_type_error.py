# Uncaught TypeError concatenating str and int.
count = 3
label = 'count: '
print(label + str(count))
print(label + count)

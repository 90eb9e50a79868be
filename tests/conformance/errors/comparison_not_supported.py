# Uncaught TypeError from ordering incomparable types via sorted().
data = [3, 1, 2]
print(sorted(data))
data.append(None)
print(sorted(data))

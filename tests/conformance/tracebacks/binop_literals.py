values = [1, 2]
total = 10 // (values[0] - 1) if values else 0

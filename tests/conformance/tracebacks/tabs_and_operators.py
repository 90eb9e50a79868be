def power(a, b):
	if a:
		return	a	**	b  # tabs inside the line
	return 0


def run():
    data = {"k": [1, 2]}
    print(data["k"][0] +
          power("x", 2))


run()

def compute(items):
    total = (
        items[0]
        +
        items[1]
    )
    return total


compute([1, None])

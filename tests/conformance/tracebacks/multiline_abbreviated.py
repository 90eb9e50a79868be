def combine(*parts):
    return parts[0] // parts[1]


def show(v):
    print(v)


show(combine(  # the call spans many lines
    10,
    0,
    2,
    3,
    4,
))

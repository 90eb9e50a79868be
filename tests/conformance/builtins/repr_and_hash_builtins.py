# repr() and hash() of ints, floats, tuples, None and bools.
for v in [0, 1, -1, 2**31, 2**61 - 2, 2**61 - 1, 2**61, 2**62, 2**64, -2**64, 10**30, -10**30, True, False]:
    print(repr(v), hash(v))
for v in [0.0, -0.0, 0.5, -0.5, 1.5, 1e100, 1e-100, 3.14, -2.75, 2.0**62, float('inf'), float('-inf')]:
    print(repr(v), hash(v))
for v in [(), (1,), (1, 2), (2, 1), ((),), (1, (2, 3)), (None,), (True, 1.0), (-1,), (-2,)]:
    print(repr(v), hash(v))
print(hash(None) == hash(None), hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1.0, 2.0)))
print(hash(-1), hash(-2), hash(-1) == hash(-2))
print(repr(None), repr(True), repr(1.0), repr(-5), repr((1,)), repr([]), repr({}), repr(set()), repr(range(2)))
for bad in ([], {}, set(), ([],)):
    try:
        hash(bad)
    except TypeError as e:
        print('TypeError:', e)

# array.array errors: bad type codes, out-of-range values, wrong operands.
from array import array


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


for code, value in [('b', 127), ('b', 128), ('b', -129), ('B', 256), ('B', -1), ('h', 32768), ('h', -32769),
                    ('H', 65536), ('H', -1), ('i', 2**31), ('i', -2**31 - 1), ('I', 2**32), ('I', -1), ('I', 2**64),
                    ('l', 2**63), ('l', -2**63 - 1), ('L', 2**64), ('L', -1), ('q', 2**63), ('q', -2**63 - 1),
                    ('Q', 2**64), ('Q', -1), ('b', 2**70), ('i', -2**70)]:
    attempt(f"{code} {value}", lambda: array(code, [value]))

attempt("float in int array", lambda: array('i', [1.5]))
attempt("str in double array", lambda: array('d', ['x']))
attempt("None in B array", lambda: array('B', [None]))
attempt("bool", lambda: array('i', [True, False]))
attempt("bad typecode", lambda: array('z'))
attempt("typecode int", lambda: array(5))
attempt("typecode long", lambda: array('ii'))
attempt("not iterable", lambda: array('i', 5))
attempt("str init", lambda: array('i', "12"))
attempt("no args", lambda: array())
attempt("kwargs", lambda: array('i', initializer=[1]))

a = array('i', [1, 2, 3])
attempt("index", lambda: a[5])
attempt("neg index", lambda: a[-4])
attempt("str index", lambda: a["0"])
attempt("float index", lambda: a[1.0])
attempt("pop", lambda: a.pop(7))
attempt("pop empty", lambda: array('i').pop())
attempt("index missing", lambda: a.index(9))
attempt("remove missing", lambda: a.remove(9))
attempt("set str", lambda: a.__setitem__(0, 'x'))
attempt("set range", lambda: a.__setitem__(5, 1))
attempt("set overflow", lambda: a.__setitem__(0, 2**40))
attempt("set slice list", lambda: a.__setitem__(slice(0, 2), [1]))
attempt("set slice kind", lambda: a.__setitem__(slice(0, 2), array('d', [1.0])))
attempt("extended slice", lambda: a.__setitem__(slice(None, None, 2), array('i', [1])))
attempt("del range", lambda: a.__delitem__(3))
attempt("extend kind", lambda: a.extend(array('d', [1.0])))
attempt("extend partial", lambda: a.extend([4, 'x']))
print(a)
attempt("fromlist not list", lambda: a.fromlist((1, 2)))
attempt("fromlist bad item", lambda: a.fromlist([7, 'x']))
print(a)
attempt("add list", lambda: a + [1])
attempt("add kind", lambda: a + array('d'))
attempt("iadd list", lambda: a.__iadd__([1]))
attempt("mul str", lambda: a * 'x')
attempt("hash", lambda: hash(a))
attempt("set of arrays", lambda: {a})
attempt("lt list", lambda: a < [1])
attempt("insert float", lambda: a.insert(1.5, 3))
attempt("append overflow", lambda: array('b').append(200))
attempt("missing attr", lambda: a.nothing)
attempt("type attr", lambda: array.typecodes)
a[0] = 2**31

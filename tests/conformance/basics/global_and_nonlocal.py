# global and nonlocal declarations.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

print(bump(), bump(), counter)

def make_global():
    global created_later
    created_later = 'made inside function'

make_global()
print(created_later)

def read_global():
    return counter * 10

print(read_global())

def shadow():
    counter = 'local'
    return counter

print(shadow(), counter)

def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    inc(); inc()
    return inc, get

inc, get = outer()
print(inc(), get(), inc(), get())

def three_levels():
    x = 'outer'
    def mid():
        def inner():
            nonlocal x
            x = 'changed by inner'
        inner()
        return x
    r = mid()
    return r, x

print(three_levels())

def nonlocal_skips_class():
    v = 1
    class K:
        v = 2
        def m(self):
            return v
    return K().m(), K.v

print(nonlocal_skips_class())

def global_in_nested():
    counter = 'outer local'
    def inner():
        global counter
        counter = 500
    inner()
    return counter

print(global_in_nested(), counter)

def loop_closures():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]

print(loop_closures())

def default_capture():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i)
    return [f() for f in fs]

print(default_capture())

# send(), throw() and close() on generators.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            print('  got None')
            continue
        total += value
acc = accumulator()
print(next(acc), acc.send(5), acc.send(10), next(acc), acc.send(-3))
fresh = accumulator()
try:
    fresh.send(1)
except TypeError as e:
    print('TypeError:', e)
print(fresh.send(None))
def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('  caught inside generator:', e)
            yield 'recovered'
c = catcher()
print(next(c))
print(c.throw(ValueError('injected')))
print(next(c))
try:
    c.throw(KeyError('not handled'))
except KeyError as e:
    print('propagated out:', repr(e))
try:
    next(c)
except StopIteration:
    print('generator is finished after unhandled throw')
def unstarted():
    print('  never runs')
    yield 1
u = unstarted()
try:
    u.throw(RuntimeError('before start'))
except RuntimeError as e:
    print('throw into unstarted:', e)
print(list(u))
def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print('  cleanup ran')
cl = cleanup()
print(next(cl))
print(cl.close())
print(cl.close())
print(list(cl))
cl2 = cleanup()
cl2.close()
print('closing unstarted generator runs nothing')
def throw_type():
    try:
        yield
    except TypeError as e:
        yield 'got ' + repr(e)
t = throw_type()
next(t)
print(t.throw(TypeError))
def send_after_finish():
    yield 1
s = send_after_finish()
next(s)
try:
    s.send('x')
except StopIteration:
    print('send to finishing generator raises StopIteration')

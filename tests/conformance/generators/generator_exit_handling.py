# GeneratorExit is raised at the yield on close(); yielding again is an error.
def handles_exit():
    try:
        yield 'a'
        yield 'b'
    except GeneratorExit:
        print('  GeneratorExit caught, re-raising')
        raise
    finally:
        print('  finally')
g = handles_exit()
print(next(g))
g.close()
print('closed')
def swallows_and_returns():
    try:
        yield 1
    except GeneratorExit:
        print('  swallowing GeneratorExit by returning')
        return 'close() returns this value (3.13+)'
g = swallows_and_returns()
next(g)
print(g.close())
def yields_in_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 'bad'
g = yields_in_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print('RuntimeError:', e)
def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError('raised during close')
g = raises_other()
next(g)
try:
    g.close()
except ValueError as e:
    print('ValueError:', e, '| context:', type(e.__context__).__name__)
def catch_all():
    try:
        yield 1
    except Exception:
        print('  not reached: GeneratorExit is not an Exception')
    finally:
        print('  catch_all finally')
g = catch_all()
next(g)
g.close()
def delegating():
    try:
        yield from handles_exit()
    finally:
        print('  delegating finally')
d = delegating()
print(next(d))
d.close()
print(issubclass(GeneratorExit, BaseException), issubclass(GeneratorExit, Exception))
def break_out():
    try:
        for i in range(10):
            yield i
    finally:
        print('  break_out cleanup')
for v in break_out():
    if v == 2:
        break
print('loop broken at', v)
gen = break_out()
for v in gen:
    if v == 1:
        break
print('explicit close:')
gen.close()

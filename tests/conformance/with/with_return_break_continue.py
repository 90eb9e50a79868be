# __exit__ runs when leaving the block via return, break, continue.
class Logged:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('  enter', self.name)
        return self
    def __exit__(self, t, v, tb):
        print('  exit', self.name, t)
        return False
def early_return():
    with Logged('ret'):
        return 'returned value'
    return 'not here'
print(early_return())
for i in range(3):
    with Logged('loop %d' % i):
        if i == 0:
            continue
        if i == 1:
            break
        print('  not reached')
print('loop done, i =', i)
def nested_return():
    with Logged('outer'):
        with Logged('inner'):
            return 'deep'
print(nested_return())
def return_value_evaluated_before_exit():
    class Recorder:
        value = 'before exit'
        def __enter__(self):
            return self
        def __exit__(self, *a):
            Recorder.value = 'after exit'
    with Recorder() as r:
        return r.value
print(return_value_evaluated_before_exit())
def with_and_finally():
    try:
        with Logged('wf'):
            return 'from with'
    finally:
        print('  finally after exit')
print(with_and_finally())
def generator_with():
    with Logged('gen'):
        yield 1
        yield 2
for v in generator_with():
    print('  got', v)
g = generator_with()
print(next(g))
g.close()
print('closed generator')
n = 0
while True:
    with Logged('while'):
        n += 1
        if n == 2:
            break
print('n =', n)

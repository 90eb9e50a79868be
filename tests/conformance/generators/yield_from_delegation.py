# yield from: delegation, return values, nested delegation, delegation to iterables.
def inner():
    x = yield 'inner-1'
    print('  inner got', x)
    yield 'inner-2'
    return 'inner-result'
def outer():
    print('  outer start')
    result = yield from inner()
    print('  outer got result', result)
    yield 'outer-' + result
    return 'outer-done'
g = outer()
print(next(g))
print(g.send('sent-value'))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('final', e.value)
def from_iterables():
    yield from [1, 2]
    yield from 'ab'
    yield from range(3, 5)
    yield from (x * 10 for x in range(2))
    r = yield from []
    yield r
print(list(from_iterables()))
def depth(n):
    if n == 0:
        yield 'bottom'
        return 0
    got = yield from depth(n - 1)
    yield 'level %d' % n
    return got + 1
print(list(depth(3)))
def collect():
    total = yield from depth(2)
    yield 'total depth %d' % total
print(list(collect()))
def tree_walk(node):
    if isinstance(node, list):
        for child in node:
            yield from tree_walk(child)
    else:
        yield node
print(list(tree_walk([1, [2, [3, 4], []], [[5]]])))
def gen_returning_none():
    yield 1
def wrapper():
    v = yield from gen_returning_none()
    yield v
print(list(wrapper()))
def stop_value_via_return():
    return 42
    yield
def user():
    x = yield from stop_value_via_return()
    yield x
print(list(user()))

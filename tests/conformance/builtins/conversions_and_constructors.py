# int, float, str, bool, list, tuple, dict, set constructors.
print(int(), float(), str(), bool(), list(), tuple(), dict(), set())
print(int('12'), int(12.9), int(-12.9), int(True), int('-0'), int(' 1_2 '))
print(float('2.5'), float(3), float(' -1e2 '), float(True))
print(str(12), str(1.0), str(-0.0), str(None), str(True), str([1, '2']), str('s'))
print(bool(0), bool(1), bool(''), bool('0'), bool([]), bool([[]]), bool(None), bool(0.0), bool(-1))
print(list('abc'), list((1, 2)), list(range(3)), list({'a': 1, 'b': 2}), list({3: 0}.values()))
print(tuple([1, 2]), tuple('hi'), tuple(x for x in range(3)), tuple({5: 'x'}))
print(dict(a=1), dict([('k', 'v'), ['x', 'y']]), dict({'a': 1}, b=2), dict(zip([1, 2], 'ab')))
print(set([3, 3, 1]), set('aab') == {'a', 'b'}, set(range(4)), set({1: 'x', 2: 'y'}))
print(type(int('5')).__name__, type(bool(5)).__name__, type(str(5)).__name__)
print(list(list('ab')), tuple(tuple([1])), list(tuple([2])))
l = [1, 2]
t = (1, 2)
print(list(l) is l, list(l) == l, tuple(t) is t, tuple(t) == t)
try:
    dict([1, 2])
except TypeError as e:
    print('TypeError:', e)
try:
    dict([('a',)])
except ValueError as e:
    print('ValueError:', e)
try:
    list(5)
except TypeError as e:
    print('TypeError:', e)
try:
    bool(1, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    int('1', 2, 3)
except TypeError as e:
    print('TypeError:', e)
print(int(2**100 + 0.0) == 2**100, float(int('9' * 20)))

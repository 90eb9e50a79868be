# String concatenation, repetition, comparison and conversion.
a = 'foo'
b = 'bar'
print(a + b, a * 3, 3 * b, a * 0 + '|', (a + b) * 2)
print(a < b, a > b, a == 'foo', a != 'foo', 'abc' < 'abd', 'abc' < 'ab', 'a' < 'B', 'Z' < 'a')
print('' == '', '' < ' ', 'apple' <= 'apple', 'b' >= 'abc')
print(sorted(['banana', 'Apple', 'cherry', 'apple', '', 'Banana']))
print(min('zebra', 'ant', 'moose'), max(['x', 'xy', 'xa']))
print(str(1), str(-1.5), str(True), str(None), str([1, 'a']), str((1,)), str({'a': 1}))
print(len(''), len('abc'), len('日本'), len(str(2**100)))
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    1 + 'a'
except TypeError as e:
    print('TypeError:', e)
try:
    'a' * 2.0
except TypeError as e:
    print('TypeError:', e)
try:
    'a' < 1
except TypeError as e:
    print('TypeError:', e)
try:
    'a' * 'b'
except TypeError as e:
    print('TypeError:', e)
print('a' == 1, 'a' != 1, '1' == 1)
s = ''
for i in range(5):
    s += str(i)
print(s, s[::-1], int(s[::-1]) + 1)
x = 'abc'
y = x
x += 'd'
print(x, y)
print('ab' in 'xaby', 'ba' in 'xaby', 'A' in 'abc')
print(list('abc'), tuple('ab'), set('aa') == {'a'}, dict(zip('ab', 'xy')))

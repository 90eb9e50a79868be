# String indexing and slicing, including negative and stepped slices.
s = 'abcdefghij'
print(s[0], s[9], s[-1], s[-10], len(s))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[2:8:-1] == '')
print(repr(s[5:5]), repr(s[100:]), repr(s[-100:2]), s[3:100], s[-100:100])
print(s[::3], s[::10], s[::11], s[-1:-11:-1], s[-1::-4])
print(s[None:None:-1], s[None:3], s[slice(1, 8, 3)], s[slice(None, None, -3)])
for i in (10, -11, 100):
    try:
        s[i]
    except IndexError as e:
        print('IndexError:', e)
try:
    s[::0]
except ValueError as e:
    print('ValueError:', e)
try:
    s['a']
except TypeError as e:
    print('TypeError:', e)
try:
    s[1.0]
except TypeError as e:
    print('TypeError:', e)
try:
    s[0] = 'z'
except TypeError as e:
    print('TypeError:', e)
print(s[True], s[False:True + 2])
e = ''
print(repr(e[:]), repr(e[::-1]), repr(e[5:10]))
try:
    e[0]
except IndexError as ex:
    print('IndexError:', ex)
u = 'héllo wörld ✓ 日本'
print(u[1], u[-1], u[-2:], u[::-1], len(u), u[6:11])
print(s[2**70:], s[-2**70:3], s[:2**70])

# pass in every kind of block; loops whose bodies do nothing observable.
def noop():
    pass
print(noop())
class Empty:
    pass
e = Empty()
e.attr = 1
print(type(e).__name__, e.attr)
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
try:
    pass
except Exception:
    pass
else:
    print('else after pass-try')
finally:
    print('finally after pass-try')
def docstring_only():
    """Just a docstring."""
print(docstring_only())
def only_pass_in_branches(v):
    if v:
        pass
    elif v is None:
        pass
    else:
        return 'else branch'
print(only_pass_in_branches(1), only_pass_in_branches(None), only_pass_in_branches(0))
x = 0
while x < 5:
    x += 1
    if x % 2:
        pass
    else:
        continue
    print('odd', x)

# methodcaller: calling methods by name with stored arguments, on built-in and
# user objects; reprs show the stored call.
from operator import methodcaller

up = methodcaller('upper')
split2 = methodcaller('split', ',', maxsplit=1)
rep = methodcaller('replace', 'a', 'o')
print(up('abc'), split2('a,b,c'), rep('banana'))
print(up, split2, rep, methodcaller('f', 1, 'x', key=None, n=2))
print(list(map(methodcaller('strip'), ['  a ', 'b  '])), sorted(['Bob', 'amy', 'Cy'], key=methodcaller('lower')))

class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
    def deposit(self, amount, note=''):
        self.balance += amount
        return f'{self.owner}: +{amount} {note}'.strip()
    def __repr__(self):
        return f'Account({self.owner}, {self.balance})'

accounts = [Account('ann'), Account('bob')]
pay = methodcaller('deposit', 100, note='salary')
print([pay(a) for a in accounts], accounts)
bonus = methodcaller('deposit', 5)
for a in accounts:
    bonus(a)
print(accounts)

# Dispatch table of commands to method callers.
commands = {'up': methodcaller('upper'), 'title': methodcaller('title'), 'count_a': methodcaller('count', 'a')}
for name in ['up', 'title', 'count_a']:
    print(name, commands[name]('a banana split'))

try:
    methodcaller('nope')(accounts[0])
except AttributeError as e:
    print(type(e).__name__, e)
try:
    methodcaller('deposit')(accounts[0])
except TypeError as e:
    print(type(e).__name__, e)

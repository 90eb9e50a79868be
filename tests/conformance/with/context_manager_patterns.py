# Practical context managers: state restore, counters, reuse and re-entrancy.
class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *a):
        self.level -= 1
    def say(self, text):
        print('    ' * self.level + text)
ind = Indenter()
with ind:
    ind.say('level 1')
    with ind:
        ind.say('level 2')
        with ind:
            ind.say('level 3')
    ind.say('back to 1')
ind.say('level 0')
class Setting:
    value = 'default'
class Override:
    def __init__(self, new):
        self.new = new
    def __enter__(self):
        self.old = Setting.value
        Setting.value = self.new
        return self.old
    def __exit__(self, t, v, tb):
        Setting.value = self.old
        return False
print(Setting.value)
with Override('temp') as old:
    print(Setting.value, 'was', old)
    try:
        with Override('nested'):
            print(Setting.value)
            raise ValueError('inside nested override')
    except ValueError as e:
        print('caught', e, 'value restored to', Setting.value)
print(Setting.value)
class Transaction:
    def __init__(self):
        self.committed = []
        self.pending = []
    def __enter__(self):
        self.pending = []
        return self.pending
    def __exit__(self, t, v, tb):
        if t is None:
            self.committed.extend(self.pending)
            print('commit', self.pending)
        else:
            print('rollback', self.pending, 'because', v)
        return t is ValueError
tx = Transaction()
with tx as ops:
    ops.append('a')
    ops.append('b')
with tx as ops:
    ops.append('c')
    raise ValueError('bad op')
print(tx.committed)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print('TypeError:', e)
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print('TypeError:', e)

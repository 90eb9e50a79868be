# Nested with statements and multiple context managers in one statement.
class Tag:
    def __init__(self, name, log, fail_exit=False):
        self.name = name
        self.log = log
        self.fail_exit = fail_exit
    def __enter__(self):
        self.log.append('enter ' + self.name)
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append('exit %s (%s)' % (self.name, t.__name__ if t else 'ok'))
        return False
log = []
with Tag('a', log) as a, Tag('b', log) as b:
    log.append('body %s %s' % (a, b))
print(log)
log = []
with Tag('outer', log):
    with Tag('inner', log):
        log.append('body')
    log.append('between')
print(log)
log = []
try:
    with Tag('1', log), Tag('2', log), Tag('3', log):
        raise ValueError('x')
except ValueError:
    log.append('caught')
print(log)
class Fails:
    def __enter__(self):
        raise RuntimeError('second enter failed')
    def __exit__(self, *a):
        print('never')
log = []
try:
    with Tag('first', log), Fails(), Tag('third', log):
        log.append('body')
except RuntimeError as e:
    log.append('caught ' + str(e))
print(log)
class SuppressAll:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        self.log.append('suppress ' + (t.__name__ if t else 'nothing'))
        return True
log = []
with SuppressAll(log):
    with Tag('in', log):
        raise KeyError('k')
    log.append('not reached')
log.append('after')
print(log)
log = []
with (Tag('p', log) as p,
      Tag('q', log) as q):
    log.append(p + q)
print(log)

# Uncaught NameError for a misspelled name inside a function.
def greet(name):
    message = 'hello ' + name
    return mesage
print('calling greet')
greet('world')

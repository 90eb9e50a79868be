# Uncaught ZeroDivisionError after some output.
def ratio(a, b):
    return a / b
print(ratio(10, 4))
print('about to divide by zero')
print(ratio(1, 0))
print('never printed')

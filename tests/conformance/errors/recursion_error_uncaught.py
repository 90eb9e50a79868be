# Uncaught RecursionError: traceback repeats a frame and is abbreviated.
def down(n):
    return down(n + 1)
print('recursing')
down(0)

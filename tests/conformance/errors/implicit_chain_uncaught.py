# Uncaught exception raised while handling another: "During handling..." chain.
def cleanup():
    raise RuntimeError('cleanup failed')

try:
    print('working')
    [][1]
except IndexError:
    cleanup()

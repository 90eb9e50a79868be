# An uncaught exception still runs pending finally blocks, outermost last.
def inner():
    try:
        print('inner try')
        return {}['k']
    finally:
        print('inner finally')

def outer():
    try:
        inner()
    finally:
        print('outer finally')

outer()

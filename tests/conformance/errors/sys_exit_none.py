# sys.exit() with no argument exits with status 0 and prints nothing more.
import sys
print('before exit')
try:
    sys.exit()
finally:
    print('finally runs during sys.exit')
print('never printed')

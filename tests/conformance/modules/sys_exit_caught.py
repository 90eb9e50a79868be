# sys.exit raises SystemExit, which can be caught and inspected.
import sys
for arg in (None, 0, 3, 'message', [1, 2]):
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print('SystemExit code=%r args=%r' % (e.code, e.args))
try:
    sys.exit(1)
except Exception:
    print('not caught by Exception')
except BaseException as e:
    print('caught by BaseException:', type(e).__name__, e.code)
def nested():
    try:
        sys.exit(7)
    finally:
        print('finally during sys.exit')
try:
    nested()
except SystemExit as e:
    print('propagated', e.code)
print(isinstance(SystemExit(), BaseException), issubclass(SystemExit, Exception))
print('program ends normally')

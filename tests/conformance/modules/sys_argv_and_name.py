# sys.argv when run as `python name.py`, and the module-level __name__.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0], type(sys.argv).__name__)
print(__name__)
def show_name():
    return __name__
print(show_name())
if __name__ == "__main__":
    print('running as main')
else:
    print('imported')
print(sys.argv[1:], sys.argv[-1].endswith('.py'))

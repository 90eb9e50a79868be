# The `if __name__ == "__main__":` idiom with a main() function and a return code.
import sys

def helper(values):
    return [v * 2 for v in values]

def main(argv):
    print('argv inside main:', argv)
    print(helper([1, 2, 3]))
    return 0

if __name__ == "__main__":
    code = main(sys.argv)
    print('main returned', code)
    if code:
        sys.exit(code)
print('module body finished, __name__ =', __name__)

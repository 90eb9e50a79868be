# sys.exit(3) exits with status 3 and prints no traceback.
import sys
def main():
    print('doing work')
    return 3
sys.exit(main())

# Catching RecursionError from runaway recursion and recovering.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print('RecursionError:', e)
    print(isinstance(e, RuntimeError))
depth = 0
def count_depth():
    global depth
    depth += 1
    count_depth()
try:
    count_depth()
except RecursionError:
    print('depth reached is positive:', depth > 100)
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print('still works after recovery:', fine(200))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print('mutual:', type(e).__name__)
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print('repr loop:', type(e).__name__)
def with_finally(n):
    try:
        return with_finally(n + 1)
    finally:
        pass
try:
    with_finally(0)
except RecursionError:
    print('finally frames unwound cleanly')
for attempt in range(3):
    try:
        forever(0)
    except RecursionError:
        print('attempt', attempt, 'caught')

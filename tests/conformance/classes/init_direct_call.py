# cls(...) whose __init__ is a Python function runs it in its own frame (in the
# interpreter's CALL, and in compiled code's CALL helper): defaults, a non-None
# return, an exception from __init__, missing arguments, and an uncaught error.
class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y

class Bad:
    def __init__(self):
        return 5

class Raises:
    def __init__(self, v):
        if v > 2:
            raise ValueError(v)
        self.v = v

def run():
    t = 0
    for i in range(1000):
        p = P(i)
        q = P(i, 3)
        t += p.x + q.y
    print(t)
    try:
        Bad()
    except TypeError as e:
        print("bad", e)
    out = []
    for v in range(5):
        try:
            out.append(Raises(v).v)
        except ValueError as e:
            out.append(("err", e.args))
    print(out)
    try:
        P()
    except TypeError as e:
        print("args", e)
run()
Bad()

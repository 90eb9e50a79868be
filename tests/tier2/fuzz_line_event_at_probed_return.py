# Found by tests/differential.rs (seed 0xf473f). The RETURN_VALUE of a `return` inside
# `try`/`finally` is on the `finally:` line. Compiled code leaves such a
# return with live probes to the interpreter, but it recorded the return itself as
# the previous instruction, so the interpreter saw no line change and lost its LINE.
import sys
mon = sys.monitoring
E = mon.events
mon.use_tool_id(3, "t")


def f(a):
    try:
        return 7 * a % 3
    finally:
        pass


def line(code, ln):
    print("LINE", code.co_name, ln - f.__code__.co_firstlineno)


def py_return(code, offset, value):
    print("PY_RETURN", code.co_name, value)


mon.register_callback(3, E.LINE, line)
mon.register_callback(3, E.PY_RETURN, py_return)
mon.set_local_events(3, f.__code__, E.LINE | E.PY_RETURN)
for n in range(4):
    print(f(n))

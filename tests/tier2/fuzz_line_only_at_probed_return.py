# Found by tests/differential.rs (seed 0x2337). As fuzz_line_event_at_probed_return.py,
# but with only LINE live at the return (no PY_RETURN): compiled code read LINE's
# previous instruction as it was on entry only where an event probe or a deopt
# needed it, so the return it left to the interpreter recorded itself as the
# previous instruction and the interpreter saw no line change.
import sys
mon = sys.monitoring
E = mon.events


def f0(a0, a1, b0=3):
    try:
        return (((2**64) + (2**47)) - 13)
    finally:
        pass


mon.use_tool_id(4, "t")
mon.register_callback(4, E.LINE, lambda code, line: print("LINE", code.co_name, line - code.co_firstlineno))
mon.register_callback(4, E.PY_START, lambda code, off: print("PY_START", code.co_name))
mon.set_local_events(4, f0.__code__, E.PY_START | E.LINE)
print(f0(1, 2))
print(f0(1, 2, 3))
mon.free_tool_id(4)

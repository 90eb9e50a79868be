# Found by tests/differential.rs (seed 0x6d6f6e6a697400a4). A loop entered by OSR is
# compiled after its FOR_ITER's BRANCH_LEFT was DISABLEd, so without that probe. A
# LINE callback at the FOR_ITER's line then calls restart_events(), making the
# BRANCH_LEFT live again: compiled code must leave at the FOR_ITER itself (not at its
# successor) so that the interpreter fires it, without repeating the LINE.
import sys
mon = sys.monitoring
E = mon.events
mon.use_tool_id(3, "t")
lines = [0]


def branch_left(code, src, dst):
    print("BRANCH_LEFT", code.co_name, src, dst)
    return mon.DISABLE


def line(code, ln):
    lines[0] += 1
    print("LINE", code.co_name, ln - f.__code__.co_firstlineno)
    if lines[0] in (9, 14):
        print("restart_events")
        mon.restart_events()


def f():
    total = 0
    for i in range(8):
        total += i
    return total


mon.register_callback(3, E.BRANCH_LEFT, branch_left)
mon.register_callback(3, E.LINE, line)
mon.set_local_events(3, f.__code__, E.BRANCH_LEFT | E.LINE)
print(f())
mon.set_local_events(3, f.__code__, 0)

# Found by tests/differential.rs (seed 0x6d6f6e6a6974000f). With LINE live, a
# comparison fused with the POP_JUMP after it left the COMPARE_OP as the previous
# instruction of the branch's targets, so NOT_TAKEN's BRANCH_LEFT reported the
# comparison's offset as its source (24 instead of 26).
import sys
mon = sys.monitoring
E = mon.events
mon.use_tool_id(3, "t")


def branch_left(code, src, dst):
    print("BRANCH_LEFT", code.co_name, src, dst)


def line(code, ln):
    print("LINE", code.co_name, ln)


mon.register_callback(3, E.BRANCH_LEFT, branch_left)
mon.register_callback(3, E.LINE, line)
mon.set_events(3, E.BRANCH_LEFT | E.LINE)


def main():
    for i in range(1, 3):
        k = 0
        while k < 2:
            k += 1


main()

# Found by tests/differential.rs (seed 0x1e852b). An INSTRUCTION callback at a
# conditional jump switches that jump's BRANCH events on. The interpreter runs the
# instruction it read before the callback (the plain jump: no BRANCH event this
# time), as CPython does; compiled code, which has no branch probe there, leaves to
# the interpreter at the jump and must run that same opcode.
import sys
mon = sys.monitoring
E = mon.events
mon.use_tool_id(3, "t")
seen = [0]


def f(a):
    if a == 3:
        a += 1
    return a


def instruction(code, offset):
    seen[0] += 1
    if seen[0] == 4:
        print("switching BRANCH events on at offset", offset)
        mon.set_local_events(3, f.__code__, E.INSTRUCTION | E.BRANCH_LEFT | E.BRANCH_RIGHT)


def branch(code, src, dst):
    print("branch", src, dst)


mon.register_callback(3, E.INSTRUCTION, instruction)
mon.register_callback(3, E.BRANCH_LEFT, branch)
mon.register_callback(3, E.BRANCH_RIGHT, branch)
mon.set_local_events(3, f.__code__, E.INSTRUCTION)
for n in range(5):
    print(f(n))
print(seen[0], "instructions")

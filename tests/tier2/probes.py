# Events toggled from callbacks while a compiled loop runs (see tests/tier2.rs for the
# --jit-stats counts each step must produce).
import sys

mon = sys.monitoring
E = mon.events
mon.use_tool_id(2, "probes")
log = []


def step(x):
    return x + 1


def loop(n):
    total = 0
    i = 0
    while i < n:
        total = step(total)
        if i == 5:
            total += 100
        i += 1
    return total


def on_line(code, line):
    if code.co_name != "loop":
        return None
    log.append(("line", line - loop.__code__.co_firstlineno))
    if len(log) == 12:
        # New events this compiled version has no probe for: deopt, recompile later.
        mon.set_local_events(2, loop.__code__, E.LINE | E.JUMP)
    if line - loop.__code__.co_firstlineno == 4:
        return mon.DISABLE
    return None


def on_jump(code, src, dest):
    log.append(("jump", src, dest))
    return mon.DISABLE


def on_call(code, off, callee, arg0):
    log.append(("call", callee.__name__ if hasattr(callee, "__name__") else "?", arg0))
    return None


mon.register_callback(2, E.LINE, on_line)
mon.register_callback(2, E.JUMP, on_jump)
mon.register_callback(2, E.CALL, on_call)
mon.set_local_events(2, loop.__code__, E.LINE)
print(loop(8))
print(log)
log.clear()
print(loop(4))
print(log)
log.clear()
mon.set_local_events(2, loop.__code__, E.CALL)
print(loop(3))
print(log)
log.clear()
mon.restart_events()
mon.set_local_events(2, loop.__code__, 0)
print(loop(3))
print(log)

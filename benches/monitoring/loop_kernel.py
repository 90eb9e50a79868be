# Monitoring-overhead benchmark: LOOP kernel (no calls inside the hot loop).
#
#   python loop_kernel.py MODE [N]
#
# MODE selects how sys.monitoring is set up before the kernel runs:
#   1  no tool
#   2  a tool registered with use_tool_id, no events
#   3  coverage pattern: LINE + BRANCH_LEFT + BRANCH_RIGHT set globally, every
#      callback returns sys.monitoring.DISABLE (timed after a warm-up run)
#   4  debugger pattern: set_local_events(LINE) on kernel's code object only,
#      every line DISABLEd except the breakpoint line, which never runs
#   5  profiler pattern: PY_START + PY_RETURN globally, Python callbacks that
#      count calls
#   6  monjit only, run as `monjit run --native-tool profiler`: mode 5's
#      events counted by a native (Rust) callback
#
# The kernel runs once as a warm-up, then once timed with time.perf_counter.
# Output is one line of key=value pairs, parsed by benches/compare.py:
#   mode=M kernel=loop n=N time=SECONDS events=E warmup_events=W result=R
# `events` counts the callbacks that ran during the timed run only.
import sys
import time


def kernel(n):
    total = 0
    i = 0
    while i < n:
        r = i % 3
        if r == 0:
            total += i
        elif r == 1:
            total -= i >> 1
        else:
            total ^= i
        if i < 0:
            total = -1  # BREAKPOINT LINE: never runs (see BREAKPOINT_OFFSET)
        i += 1
    return total


# Line of the never-executed breakpoint line relative to `def kernel`.
# Keep in sync with kernel() above.
BREAKPOINT_OFFSET = 12

DEFAULT_N = 3000000

events = 0


def coverage_line(code, line):
    global events
    events += 1
    return sys.monitoring.DISABLE


def coverage_branch(code, offset, destination):
    global events
    events += 1
    return sys.monitoring.DISABLE


def debugger_line(code, line):
    global events
    events += 1
    if line == breakpoint_line:
        return None  # a real debugger would stop here; keep the event enabled
    return sys.monitoring.DISABLE


def profiler_start(code, offset):
    global events
    events += 1


def profiler_return(code, offset, retval):
    global events
    events += 1


breakpoint_line = kernel.__code__.co_firstlineno + BREAKPOINT_OFFSET


def setup(mode):
    if mode == 1:
        return
    mon = sys.monitoring
    ev = mon.events
    if mode == 2:
        mon.use_tool_id(mon.PROFILER_ID, "bench-idle-tool")
    elif mode == 3:
        tool = mon.COVERAGE_ID
        mon.use_tool_id(tool, "bench-coverage")
        mon.register_callback(tool, ev.LINE, coverage_line)
        mon.register_callback(tool, ev.BRANCH_LEFT, coverage_branch)
        mon.register_callback(tool, ev.BRANCH_RIGHT, coverage_branch)
        mon.set_events(tool, ev.LINE | ev.BRANCH_LEFT | ev.BRANCH_RIGHT)
    elif mode == 4:
        tool = mon.DEBUGGER_ID
        mon.use_tool_id(tool, "bench-debugger")
        mon.register_callback(tool, ev.LINE, debugger_line)
        mon.set_local_events(tool, kernel.__code__, ev.LINE)
    elif mode == 5:
        tool = mon.PROFILER_ID
        mon.use_tool_id(tool, "bench-profiler")
        mon.register_callback(tool, ev.PY_START, profiler_start)
        mon.register_callback(tool, ev.PY_RETURN, profiler_return)
        mon.set_events(tool, ev.PY_START | ev.PY_RETURN)
    elif mode == 6:
        # monjit only: `monjit run --native-tool profiler` registered Rust
        # callbacks on PROFILER_ID that count PY_START/PY_RETURN (mode 5's
        # events); the count is read from _monjit_counting_tool in timed().
        tool = mon.PROFILER_ID
        mon.set_events(tool, ev.PY_START | ev.PY_RETURN)
    else:
        print(f"unknown mode {mode}")
        sys.exit(2)


native_tool = None  # mode 6: the _monjit_counting_tool module


def timed(n):
    # The warm-up run goes through this same function, so in the coverage and
    # debugger modes even these lines are DISABLEd before the timed run and
    # `events` counts only what the kernel itself triggers.
    global events
    events = 0
    if native_tool is not None:
        native_tool.reset()
    t0 = time.perf_counter()
    result = kernel(n)
    t1 = time.perf_counter()
    if native_tool is not None:
        events = native_tool.count()
    return t1 - t0, events, result


def main():
    mode = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_N
    global native_tool
    if mode == 6:
        import _monjit_counting_tool as native_tool
    setup(mode)
    # warm-up: a shorter run that reaches every line and branch of the kernel
    _, warmup_events, _ = timed(n // 10)
    elapsed, seen, result = timed(n)
    print(f"mode={mode} kernel=loop n={n} time={elapsed:.6f} events={seen} "
          f"warmup_events={warmup_events} result={result}")


main()

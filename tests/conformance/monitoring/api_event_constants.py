# sys.monitoring constants: event bit values, tool id constants, MISSING and DISABLE sentinels.
import sys
mon = sys.monitoring
E = mon.events

names = ['PY_START', 'PY_RESUME', 'PY_RETURN', 'PY_YIELD', 'CALL', 'LINE', 'INSTRUCTION',
         'JUMP', 'BRANCH_LEFT', 'BRANCH_RIGHT', 'STOP_ITERATION', 'RAISE',
         'EXCEPTION_HANDLED', 'PY_UNWIND', 'PY_THROW', 'RERAISE', 'C_RETURN', 'C_RAISE',
         'BRANCH', 'NO_EVENTS']
total = 0
for n in names:
    v = getattr(E, n)
    bit = -1
    if v > 0 and v & (v - 1) == 0:
        bit = 0
        while (1 << bit) != v:
            bit += 1
    print(n, v, hex(v), 'bit', bit, type(v).__name__)
    if n not in ('BRANCH', 'NO_EVENTS'):
        total |= v
print('union of real events', total, hex(total))
print('distinct values', len(set([getattr(E, n) for n in names])))
print('BRANCH == LEFT|RIGHT?', E.BRANCH == (E.BRANCH_LEFT | E.BRANCH_RIGHT))
print('NO_EVENTS falsy', not E.NO_EVENTS)
print('combined', E.PY_START | E.PY_RETURN, E.LINE | E.JUMP | E.BRANCH_LEFT | E.BRANCH_RIGHT)

print('ids', mon.DEBUGGER_ID, mon.COVERAGE_ID, mon.PROFILER_ID, mon.OPTIMIZER_ID)
for n in ('DEBUGGER_ID', 'COVERAGE_ID', 'PROFILER_ID', 'OPTIMIZER_ID'):
    print(n, getattr(mon, n), type(getattr(mon, n)).__name__)

print('MISSING is MISSING', mon.MISSING is mon.MISSING)
print('DISABLE is DISABLE', mon.DISABLE is mon.DISABLE)
print('MISSING is not DISABLE', mon.MISSING is not mon.DISABLE)
print('MISSING type', type(mon.MISSING).__name__, 'DISABLE type', type(mon.DISABLE).__name__)
print('truthy', bool(mon.MISSING), bool(mon.DISABLE))
print('MISSING is None', mon.MISSING is None, 'DISABLE == None', mon.DISABLE == None)

for name in ('use_tool_id', 'clear_tool_id', 'free_tool_id', 'get_tool', 'get_events',
             'set_events', 'get_local_events', 'set_local_events', 'register_callback',
             'restart_events'):
    f = getattr(mon, name)
    print(name, callable(f), f.__name__)
print('no tool in use', [mon.get_tool(i) for i in range(6)])
print('no events', [mon.get_events(i) for i in range(6)])

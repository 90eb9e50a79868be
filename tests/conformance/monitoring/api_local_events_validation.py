# set_local_events / get_local_events: accepted sets, read-back values and validation errors.
import sys
mon = sys.monitoring
E = mon.events

def attempt(label, f, *args):
    try:
        print(label, '->', repr(f(*args)))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

def target():
    return 1

def other():
    return 2

code = target.__code__
attempt('get_local unused tool', mon.get_local_events, 4, code)
attempt('set_local unused tool', mon.set_local_events, 4, code, E.LINE)
attempt('get_local bad tool', mon.get_local_events, 8, code)
mon.use_tool_id(4, 'local-validator')
attempt('get_local fresh code', mon.get_local_events, 4, code)
attempt('set_local on function', mon.set_local_events, 4, target, E.LINE)
attempt('get_local on function', mon.get_local_events, 4, target)
attempt('set_local on None', mon.set_local_events, 4, None, E.LINE)

allowed = ['PY_START', 'PY_RESUME', 'PY_RETURN', 'PY_YIELD', 'CALL', 'LINE', 'INSTRUCTION',
           'JUMP', 'BRANCH_LEFT', 'BRANCH_RIGHT', 'STOP_ITERATION', 'BRANCH']
for name in allowed:
    attempt('set_local ' + name, mon.set_local_events, 4, code, getattr(E, name))
    print('   get ->', mon.get_local_events(4, code))
    mon.set_local_events(4, code, 0)

for name in ['RAISE', 'EXCEPTION_HANDLED', 'PY_UNWIND', 'PY_THROW', 'RERAISE']:
    attempt('set_local ' + name, mon.set_local_events, 4, code, getattr(E, name))
attempt('set_local LINE|RAISE', mon.set_local_events, 4, code, E.LINE | E.RAISE)
print('   get ->', mon.get_local_events(4, code))
attempt('set_local C_RETURN', mon.set_local_events, 4, code, E.C_RETURN)
attempt('set_local C_RAISE|CALL', mon.set_local_events, 4, code, E.C_RAISE | E.CALL)
attempt('set_local CALL|C_RETURN|C_RAISE', mon.set_local_events, 4, code,
        E.CALL | E.C_RETURN | E.C_RAISE)
print('   get ->', mon.get_local_events(4, code))
attempt('set_local bit 20', mon.set_local_events, 4, code, 1 << 20)
attempt('set_local -1', mon.set_local_events, 4, code, -1)
attempt('set_local float', mon.set_local_events, 4, code, 2.0)

mon.set_local_events(4, code, E.LINE | E.PY_START)
print('target', mon.get_local_events(4, code), 'other', mon.get_local_events(4, other.__code__))
print('global unaffected', mon.get_events(4))
mon.set_local_events(4, code, E.PY_RETURN)
print('replaced', mon.get_local_events(4, code))
hits = []
def on_return(code, offset, value):
    hits.append((code.co_name, value))
mon.register_callback(4, E.PY_RETURN, on_return)
target()
other()
print('local PY_RETURN hits', hits)
mon.free_tool_id(4)
mon.use_tool_id(4, 'again')
mon.register_callback(4, E.PY_RETURN, on_return)
target()
print('after free and reuse, local events are gone', hits)
mon.free_tool_id(4)

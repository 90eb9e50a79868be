# set_events / get_events: accepted values, read-back values and every validation error.
import sys
mon = sys.monitoring
E = mon.events

def attempt(label, f, *args):
    try:
        print(label, '->', repr(f(*args)))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

attempt('get_events unused tool', mon.get_events, 2)
attempt('set_events unused tool', mon.set_events, 2, E.PY_START)
attempt('set_events unused tool to 0', mon.set_events, 2, 0)
attempt('get_events bad tool', mon.get_events, 6)
attempt('set_events bad tool', mon.set_events, -2, 0)

mon.use_tool_id(2, 'validator')
cases = [
    ('PY_START', E.PY_START),
    ('15', 15),
    ('NO_EVENTS', E.NO_EVENTS),
    ('BRANCH', E.BRANCH),
    ('BRANCH|LINE', E.BRANCH | E.LINE),
    ('BRANCH_LEFT', E.BRANCH_LEFT),
    ('CALL', E.CALL),
    ('C_RETURN', E.C_RETURN),
    ('C_RAISE', E.C_RAISE),
    ('C_RETURN|C_RAISE', E.C_RETURN | E.C_RAISE),
    ('CALL|C_RETURN', E.CALL | E.C_RETURN),
    ('CALL|C_RAISE', E.CALL | E.C_RAISE),
    ('CALL|C_RETURN|C_RAISE', E.CALL | E.C_RETURN | E.C_RAISE),
    ('all real events', (1 << 18) - 1),
    ('bit 19', 1 << 19),
    ('bit 20', 1 << 20),
    ('bit 31', 1 << 31),
    ('-1', -1),
    ('-2', -2),
    ('2**33', 2 ** 33),
    ('True', True),
    ('1.0', 1.0),
    ('"1"', '1'),
    ('None', None),
]
for label, value in cases:
    mon.set_events(2, 0)
    attempt('set ' + label, mon.set_events, 2, value)
    print('   get ->', mon.get_events(2))

mon.set_events(2, E.LINE | E.CALL)
attempt('failed set keeps old value', mon.set_events, 2, E.C_RETURN)
print('   get ->', mon.get_events(2))
mon.set_events(2, E.PY_START)
mon.set_events(2, E.PY_RETURN)
print('set replaces, does not add:', mon.get_events(2))
mon.set_events(2, 0)
mon.free_tool_id(2)
attempt('get_events after free', mon.get_events, 2)

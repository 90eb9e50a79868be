# Wrong argument counts and keyword arguments for every sys.monitoring function: the exact
# TypeError messages (the functions are positional-only).
import sys
mon = sys.monitoring
E = mon.events

def attempt(label, f, *args, **kwargs):
    try:
        print(label, '->', repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

def code_of():
    return None

code = code_of.__code__
attempt('use_tool_id()', mon.use_tool_id)
attempt('use_tool_id(1)', mon.use_tool_id, 1)
attempt('use_tool_id(1, "a", "b")', mon.use_tool_id, 1, 'a', 'b')
attempt('use_tool_id(tool_id=1, name="a")', mon.use_tool_id, tool_id=1, name='a')
attempt('get_tool()', mon.get_tool)
attempt('get_tool(1, 2)', mon.get_tool, 1, 2)
attempt('get_tool(tool_id=1)', mon.get_tool, tool_id=1)
attempt('free_tool_id()', mon.free_tool_id)
attempt('clear_tool_id()', mon.clear_tool_id)
attempt('clear_tool_id(1, 2)', mon.clear_tool_id, 1, 2)
attempt('get_events()', mon.get_events)
attempt('get_events(1, 2)', mon.get_events, 1, 2)
attempt('set_events(1)', mon.set_events, 1)
attempt('set_events(1, 2, 3)', mon.set_events, 1, 2, 3)
attempt('set_events(1, event_set=2)', mon.set_events, 1, event_set=2)
attempt('get_local_events(1)', mon.get_local_events, 1)
attempt('get_local_events(1, code, 2)', mon.get_local_events, 1, code, 2)
attempt('set_local_events(1, code)', mon.set_local_events, 1, code)
attempt('register_callback(1, E.LINE)', mon.register_callback, 1, E.LINE)
attempt('register_callback(1, E.LINE, None, 4)', mon.register_callback, 1, E.LINE, None, 4)
attempt('register_callback(1, E.LINE, func=None)', mon.register_callback, 1, E.LINE, func=None)
attempt('restart_events(1)', mon.restart_events, 1)
attempt('restart_events(x=1)', mon.restart_events, x=1)
print('nothing changed', [mon.get_tool(i) for i in range(6)])

# use_tool_id / get_tool / free_tool_id / clear_tool_id lifecycle and their errors.
import sys
mon = sys.monitoring
E = mon.events

def attempt(label, f, *args):
    try:
        print(label, '->', repr(f(*args)))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

attempt('use 3', mon.use_tool_id, 3, 'first')
attempt('get 3', mon.get_tool, 3)
attempt('use 3 again', mon.use_tool_id, 3, 'second')
attempt('get 3 after failed reuse', mon.get_tool, 3)
attempt('use 6', mon.use_tool_id, 6, 'x')
attempt('use -1', mon.use_tool_id, -1, 'x')
attempt('use 100', mon.use_tool_id, 100, 'x')
attempt('use str id', mon.use_tool_id, '1', 'x')
attempt('use float id', mon.use_tool_id, 1.0, 'x')
attempt('use None id', mon.use_tool_id, None, 'x')
attempt('use huge id', mon.use_tool_id, 2 ** 70, 'x')
attempt('use int name', mon.use_tool_id, 4, 42)
attempt('use None name', mon.use_tool_id, 4, None)
attempt('get 4 after bad names', mon.get_tool, 4)
attempt('use bool id', mon.use_tool_id, True, 'bool-tool')
attempt('get 1', mon.get_tool, 1)
attempt('use empty name', mon.use_tool_id, 4, '')
attempt('get 4', mon.get_tool, 4)
attempt('get 7', mon.get_tool, 7)
attempt('get -1', mon.get_tool, -1)
attempt('get unused 0', mon.get_tool, 0)
print('all', [mon.get_tool(i) for i in range(6)])

attempt('free 3', mon.free_tool_id, 3)
attempt('get 3 after free', mon.get_tool, 3)
attempt('free 3 twice', mon.free_tool_id, 3)
attempt('free unused 0', mon.free_tool_id, 0)
attempt('free 9', mon.free_tool_id, 9)
attempt('clear unused 0', mon.clear_tool_id, 0)
attempt('clear 9', mon.clear_tool_id, 9)
attempt('reuse 3', mon.use_tool_id, 3, 'third')
attempt('get 3 reused', mon.get_tool, 3)

attempt('clear 3', mon.clear_tool_id, 3)
attempt('get 3 after clear', mon.get_tool, 3)
attempt('use 3 after clear', mon.use_tool_id, 3, 'fourth')

for i in range(6):
    mon.free_tool_id(i)
print('after freeing all', [mon.get_tool(i) for i in range(6)])
for i in range(6):
    mon.use_tool_id(i, 'tool' + str(i))
print('all six in use', [mon.get_tool(i) for i in range(6)])
for i in range(6):
    mon.free_tool_id(i)
print('end', [mon.get_tool(i) for i in range(6)])

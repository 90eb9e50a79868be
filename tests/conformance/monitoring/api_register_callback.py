# register_callback: returns the previous callback, validation errors, BRANCH alias, unused tools.
import sys
mon = sys.monitoring
E = mon.events

def attempt(label, f, *args):
    try:
        r = f(*args)
        print(label, '->', getattr(r, '__name__', r))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

def first(*args):
    return None

def second(*args):
    return None

def third(*args):
    return None

attempt('unused tool, first register', mon.register_callback, 2, E.LINE, first)
attempt('unused tool, second register', mon.register_callback, 2, E.LINE, second)
mon.use_tool_id(2, 'registrar')
attempt('callbacks survive use_tool_id', mon.register_callback, 2, E.LINE, None)
attempt('register first', mon.register_callback, 2, E.PY_START, first)
attempt('register second', mon.register_callback, 2, E.PY_START, second)
attempt('register second again', mon.register_callback, 2, E.PY_START, second)
attempt('unregister', mon.register_callback, 2, E.PY_START, None)
attempt('unregister again', mon.register_callback, 2, E.PY_START, None)
attempt('other event independent', mon.register_callback, 2, E.PY_RETURN, third)
attempt('PY_START still empty', mon.register_callback, 2, E.PY_START, None)

attempt('two events at once', mon.register_callback, 2, E.LINE | E.CALL, first)
attempt('NO_EVENTS', mon.register_callback, 2, E.NO_EVENTS, first)
attempt('bit 19', mon.register_callback, 2, 1 << 19, first)
attempt('bit 20', mon.register_callback, 2, 1 << 20, first)
attempt('negative event', mon.register_callback, 2, -1, first)
attempt('bad tool', mon.register_callback, 6, E.LINE, first)
attempt('non-callable accepted', mon.register_callback, 2, E.JUMP, 42)
attempt('non-callable returned', mon.register_callback, 2, E.JUMP, None)
attempt('C_RETURN alone is fine here', mon.register_callback, 2, E.C_RETURN, first)
attempt('C_RAISE alone is fine here', mon.register_callback, 2, E.C_RAISE, second)

attempt('BRANCH_LEFT', mon.register_callback, 2, E.BRANCH_LEFT, first)
attempt('BRANCH_RIGHT', mon.register_callback, 2, E.BRANCH_RIGHT, second)
attempt('BRANCH returns old LEFT', mon.register_callback, 2, E.BRANCH, third)
attempt('LEFT now', mon.register_callback, 2, E.BRANCH_LEFT, None)
attempt('RIGHT now', mon.register_callback, 2, E.BRANCH_RIGHT, None)
attempt('BRANCH after both cleared', mon.register_callback, 2, E.BRANCH, None)
attempt('register BRANCH', mon.register_callback, 2, E.BRANCH, first)
attempt('set RIGHT only', mon.register_callback, 2, E.BRANCH_RIGHT, second)
attempt('BRANCH returns LEFT', mon.register_callback, 2, E.BRANCH, None)
attempt('RIGHT cleared too', mon.register_callback, 2, E.BRANCH_RIGHT, None)

mon.register_callback(2, E.CALL, first)
mon.clear_tool_id(2)
attempt('after clear_tool_id', mon.register_callback, 2, E.CALL, None)
print('tool still', mon.get_tool(2))
mon.register_callback(2, E.CALL, second)
mon.free_tool_id(2)
attempt('after free_tool_id', mon.register_callback, 2, E.CALL, None)
print('tool now', mon.get_tool(2))

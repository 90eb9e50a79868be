# CALL events around super() method calls: the instrumented LOAD_SUPER_ATTR fires CALL
# for super() itself, and then loads the attribute bound (no method shortcut), so the
# CALL of the method reports what binding produced as arg0: self for a Python method
# (a bound method is unpacked), the first argument (or MISSING) for a built-in slot
# wrapper. C_RETURN/C_RAISE cover only the super() call, not the attribute lookup.
import sys
mon = sys.monitoring
E = mon.events
TOOL = 4
log = []

def line_of(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None

def show(v):
    if v is mon.MISSING:
        return 'MISSING'
    if isinstance(v, (int, str, list, dict)) or v is None:
        return repr(v)
    name = getattr(v, '__name__', None)
    if isinstance(name, str):
        return name
    return type(v).__name__

HERE = line_of.__code__.co_filename

def on_call(code, offset, func, arg0):
    if code.co_filename == HERE:
        log.append(('CALL', code.co_name, line_of(code, offset), show(func), show(arg0)))

def on_c_return(code, offset, func, arg0):
    if code.co_filename == HERE:
        log.append(('C_RETURN', code.co_name, line_of(code, offset), show(func), show(arg0)))

class Base:
    def greet(self, who):
        return 'hi ' + who
    def __init__(self, v):
        self.v = v

class Child(Base):
    def __init__(self, v):
        super().__init__(v * 2)
    def greet(self, who):
        return super().greet(who) + '!'

class AppError(Exception):
    def __init__(self, code):
        super().__init__('code ' + str(code))
        self.code = code
    def __str__(self):
        return '[' + super().__str__() + ']'

class Plain:
    def __init__(self):
        super().__init__()
    def __repr__(self):
        return 'Plain:' + super().__repr__()[:1]
    def probe(self):
        # The attribute lookup fails after super() returned: C_RETURN for super(),
        # no C_RAISE.
        try:
            return super().no_such_method()
        except AttributeError as e:
            return str(e)

mon.use_tool_id(TOOL, 'super-calls')
mon.register_callback(TOOL, E.CALL, on_call)
mon.register_callback(TOOL, E.C_RETURN, on_c_return)
mon.set_events(TOOL, E.CALL | E.C_RETURN | E.C_RAISE)

c = Child(5)
s = c.greet('bob')
e = AppError(7)
text = str(e)
p = Plain()
r = repr(p)
missing = p.probe()
for i in range(2):
    s = c.greet(str(i))

mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
for entry in log:
    print(entry)
print(c.v, s, e.code, text, r, missing)

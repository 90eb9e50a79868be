# Events switched on from inside implicitly called special methods (operators,
# truth tests, iteration, attribute hooks, item access, finalizers, generators) in
# the middle of a function: the lines that follow in the same call must report
# LINE and BRANCH events at once, and switching them off again from a special method
# must silence the rest of the call.
import sys

mon = sys.monitoring
E = mon.events
TOOL = 4
mon.use_tool_id(TOOL, "dunders")
seen = []


def rel(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line - code.co_firstlineno
    return None


def on_line(code, line):
    if code.co_name.startswith("scenario"):
        seen.append(("line", code.co_name, line - code.co_firstlineno))


def on_branch(code, src, dest):
    if code.co_name.startswith("scenario"):
        seen.append(("branch", code.co_name, rel(code, src), rel(code, dest)))


mon.register_callback(TOOL, E.LINE, on_line)
mon.register_callback(TOOL, E.BRANCH_LEFT, on_branch)
mon.register_callback(TOOL, E.BRANCH_RIGHT, on_branch)


def switch(on):
    mon.set_events(TOOL, (E.LINE | E.BRANCH_LEFT | E.BRANCH_RIGHT) if on else 0)
    return on


class Hook:
    """Each special method switches events on (or off, when `on` is False)."""

    def __init__(self, on=True):
        self.on = on

    def __add__(self, other):
        switch(self.on)
        return 10

    def __lt__(self, other):
        switch(self.on)
        return True

    def __eq__(self, other):
        switch(self.on)
        return "yes"

    def __bool__(self):
        switch(self.on)
        return True

    def __neg__(self):
        switch(self.on)
        return -1

    def __invert__(self):
        switch(self.on)
        return -2

    def __iter__(self):
        switch(self.on)
        return iter([1, 2])

    def __getitem__(self, k):
        switch(self.on)
        return k * 2

    def __setitem__(self, k, v):
        switch(self.on)

    def __contains__(self, k):
        switch(self.on)
        return True

    def __hash__(self):
        return 1

    @property
    def prop(self):
        switch(self.on)
        return 5


class Lazy:
    def __init__(self, on):
        self.on = on

    def __getattr__(self, name):
        switch(self.on)
        return name


class Steps:
    def __init__(self, on):
        self.on = on
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2:
            switch(self.on)
        if self.n > 3:
            raise StopIteration
        return self.n


class Dying:
    def __init__(self, on):
        self.on = on

    def __del__(self):
        switch(self.on)


def scenario_add(h):
    x = h + 1
    y = x * 2
    if y > 5:
        y -= 1
    return y


def scenario_compare_branch(h):
    t = 0
    if h < 3:
        t = 1
    for i in range(2):
        t += i
    return t


def scenario_compare_value(h):
    v = h == 4
    w = v
    return w


def scenario_truth(h):
    a = 1 if h else 2
    b = a + 1
    if b:
        b += 1
    return b


def scenario_if_truth(h):
    if h:
        r = 1
    else:
        r = 2
    return r


def scenario_unary(h):
    a = -h
    b = ~h
    c = a + b
    return c


def scenario_iter(h):
    total = 0
    for v in h:
        total += v
    return total


def scenario_next(s):
    total = 0
    for v in s:
        total += v
    return total


def scenario_subscr(h):
    a = h[3]
    b = a + 1
    return b


def scenario_store_subscr(h):
    h[1] = 2
    c = 3
    return c


def scenario_contains(h):
    r = 1 in h
    q = r
    return q


def scenario_property(h):
    p = h.prop
    q = p + 1
    return q


def scenario_getattr(lz):
    v = lz.missing
    w = v
    return w


def scenario_finalizer(on):
    d = Dying(on)
    del d
    z = 1
    z += 1
    return z


def helper_gen(on):
    yield 1
    switch(on)
    yield 2


def scenario_yield_from(on):
    out = []
    g = helper_gen(on)
    out.append(next(g))
    out.append(next(g))
    k = len(out)
    return k


def scenario_call(on):
    switch(on)
    a = 1
    b = a + 1
    return b


# (scenario, the class of its argument, or None to pass `on` itself)
SCENARIOS = [
    (scenario_add, Hook),
    (scenario_compare_branch, Hook),
    (scenario_compare_value, Hook),
    (scenario_truth, Hook),
    (scenario_if_truth, Hook),
    (scenario_unary, Hook),
    (scenario_iter, Hook),
    (scenario_next, Steps),
    (scenario_subscr, Hook),
    (scenario_store_subscr, Hook),
    (scenario_contains, Hook),
    (scenario_property, Hook),
    (scenario_getattr, Lazy),
    (scenario_finalizer, None),
    (scenario_yield_from, None),
    (scenario_call, None),
]

for fn, make in SCENARIOS:
    for rnd in range(3):
        # Switched on mid-call from events off, then off mid-call from events on.
        for label, on in (("on", True), ("off", False)):
            switch(not on)
            seen.clear()
            r = fn(make(on) if make else on)
            switch(False)
            print(fn.__name__, label, rnd, r, seen)

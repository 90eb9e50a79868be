# Inline fast paths of compiled code (attribute loads and stores on instances through
# the inline cache, method loads, exact-list indexing, global loads) and every way
# they miss: each miss must fall back to the helper with the interpreter's result.
# tests/tier2.rs runs this under every tier and checks the functions compile.

import builtins


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Fallback:
    """Attributes it lacks come from __getattr__."""

    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "missing " + name


class WithProperty:
    def __init__(self):
        self._v = 3

    @property
    def v(self):
        return self._v * 2

    @v.setter
    def v(self, new):
        self._v = new


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2

    def total(self):
        return self.a + self.b


def attribute_hooks(n):
    f, w, s = Fallback(), WithProperty(), Slotted()
    out = []
    for i in range(n):
        out.append((f.real, f.other, w.v, s.a + s.b, s.total()))
        w.v = i
        s.a = i
    print("hooks", out[0], out[-1], w.v, s.a)


def shape_changes(n):
    # The same site sees instances whose dicts differ in order and content, and the
    # dict of one instance changes shape mid-loop.
    p = Point(1, 2)
    q = Point(3, 4)
    q.__dict__.clear()
    q.y = 40
    q.x = 30
    total = 0
    for i in range(n):
        for o in (p, q):
            total += o.x + o.y
            o.x = o.x + 1
        if i == n // 3:
            del p.x
            p.z = 0
            p.x = 100
        if i == n // 2:
            p.__dict__.clear()
            p.x = -1
            p.y = -2
    print("shapes", total, p.x, p.y, q.x, q.y, sorted(p.__dict__))


def method_changes(n):
    p = Point(1, 2)
    acc = []
    for i in range(n):
        acc.append(p.norm2())
        if i == n // 4:
            # An instance attribute shadows the method.
            p.norm2 = lambda: -7
        if i == n // 2:
            del p.norm2
        if i == 3 * n // 4:
            # The class's method changes (new type version).
            Point.norm2 = lambda self: self.x - self.y
    print("methods", acc[0], acc[n // 4 + 1], acc[n // 2 + 1], acc[-1])


class Wide:
    def __init__(self):
        for k in range(20):
            setattr(self, "f%d" % k, k)

    def get(self):
        return self.f19


def many_attributes(n):
    w = Wide()
    t = 0
    for _ in range(n):
        t += w.get() + w.f0
    print("wide", t)


class Middle(Point):
    pass


def subclasses(n):
    # One site, instances of a class and its subclass (two type versions).
    pts = [Point(1, 1), Middle(2, 2)]
    t = 0
    for i in range(n):
        pt = pts[i % 2]
        t += pt.norm2() + pt.x
        pt.y = i
    print("subclasses", t)


def list_indexing(n):
    xs = list(range(10))
    t = 0
    for i in range(n):
        t += xs[i % len(xs)] + xs[-1] + xs[-len(xs)]
        xs[i % len(xs)] = i
        xs[-2] = t % 7
        if i == n // 2:
            xs.append(99)
            xs.append(98)
        if i == 3 * n // 4:
            del xs[:5]
    print("lists", t, xs)


class Tup(tuple):
    pass


class Dct(dict):
    pass


def other_containers(n):
    t = (1, 2, 3)
    sub = Tup((4, 5, 6))
    d = {0: "a", 1: "b"}
    dd = Dct({0: "c", 1: "d"})
    xs = [1, 2, 3]
    acc = []
    for i in range(n):
        k = i % 2
        acc.append((t[k], sub[k], d[k], dd[k], xs[True], xs[k:], "str"[k]))
        d[k] = i
        dd[k] = -i
        xs[False] = i
    big = 2 ** 70
    try:
        xs[big]
    except IndexError as e:
        acc.append(str(e))
    try:
        xs[big] = 1
    except IndexError as e:
        acc.append(str(e))
    try:
        xs["a"]
    except TypeError as e:
        acc.append(str(e))
    try:
        xs[1.0] = 2
    except TypeError as e:
        acc.append(str(e))
    print("containers", acc[0], acc[-6:], d, dd, xs)


def index_errors():
    xs = [1, 2, 3]
    for k in (2, -3, 3, -4):
        try:
            print("read", k, xs[k])
        except IndexError as e:
            print("read", k, type(e).__name__, e)
        try:
            xs[k] = 0
            print("write", k, xs)
        except IndexError as e:
            print("write", k, type(e).__name__, e)


def missing_attribute():
    p = Point(1, 2)
    try:
        p.w
    except AttributeError as e:
        print("missing", e)
    try:
        Slotted().c = 1
    except AttributeError as e:
        print("slot", e)


counter = 0


def global_changes(n):
    """LOAD_GLOBAL's inline cache and every way it misses: a global rebound (same key
    set), added to shadow a builtin and deleted again, deleted while read, and a
    builtin replaced or added."""
    global counter, len
    total = 0
    for k in range(n):
        total += counter + len("ab") + abs(-k)
        if k == 10:
            counter = 5
        elif k == 20:
            len = lambda s: 100
        elif k == 30:
            del len
        elif k == 40:
            builtins.abs = lambda x: 1000
        elif k == 50:
            del builtins.abs
            builtins.abs = lambda x: x if x > 0 else -x
        elif k == 60:
            builtins.extra_name = 7
        if k > 60:
            total += extra_name
    print("globals", total, counter)
    del counter
    try:
        print(counter)
    except NameError as e:
        print("deleted", e)
    try:
        print(never_defined)
    except NameError as e:
        print("undefined", e)


attribute_hooks(50)
shape_changes(60)
method_changes(80)
many_attributes(40)
subclasses(40)
list_indexing(80)
other_containers(30)
index_errors()
missing_attribute()
# Last: it replaces builtins.abs.
global_changes(80)

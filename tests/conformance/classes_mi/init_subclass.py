# __init_subclass__ with several bases: the first definition after the new class in its
# MRO runs, with the class statement's keywords.
registry = []


class Plugin:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        registry.append(cls.__name__)


class Tagged:
    tags = ()

    def __init_subclass__(cls, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if tag is not None:
            cls.tags = cls.tags + (tag,)


class Mixin:
    pass


class A(Plugin):
    pass


class B(Mixin, Plugin):
    pass


class C(Tagged, Plugin, tag="c"):
    pass


class D(C, tag="d"):
    pass


class E(Plugin, Tagged, tag="e"):
    pass


print(registry)
print(C.tags, D.tags, E.tags, Tagged.tags)

try:
    class F(Mixin, color="red"):
        pass
except TypeError as e:
    print("TypeError:", e)

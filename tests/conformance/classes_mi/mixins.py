# Mixins: behaviour shared by unrelated classes through extra bases.
class ReprMixin:
    def __repr__(self):
        fields = ", ".join("%s=%r" % (k, v) for k, v in sorted(vars(self).items()))
        return "%s(%s)" % (type(self).__name__, fields)


class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)

    def __hash__(self):
        return hash(tuple(sorted(vars(self).items())))


class ComparableMixin:
    def key(self):
        raise NotImplementedError

    def __lt__(self, other):
        return self.key() < other.key()


class Point(ReprMixin, EqMixin, ComparableMixin):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def key(self):
        return (self.x, self.y)


class Tag(ReprMixin, EqMixin):
    def __init__(self, name):
        self.name = name


pts = [Point(3, 1), Point(1, 2), Point(1, 1)]
print(sorted(pts))
print(Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1), Point(1, 2) != Point(1, 2))
print(len({Point(1, 2), Point(1, 2), Point(0, 0)}))
print(Tag("a"), Tag("a") == Tag("a"), Tag("a") == Point(1, 1))
print(isinstance(Tag("a"), EqMixin), issubclass(Point, ComparableMixin), issubclass(Tag, ComparableMixin))
try:
    ComparableMixin() < ComparableMixin()
except NotImplementedError:
    print("key() must be overridden")

# A mixin that wraps a method of the class it is mixed into, through super().
class LoggingMixin:
    calls = 0

    def save(self, item):
        type(self).calls += 1
        print("saving", item)
        return super().save(item)


class Store:
    def __init__(self):
        self.items = []

    def save(self, item):
        self.items.append(item)
        return len(self.items)


class LoggedStore(LoggingMixin, Store):
    pass


s = LoggedStore()
print(s.save("a"), s.save("b"), s.items, LoggedStore.calls, LoggingMixin.calls)
print([c.__name__ for c in LoggedStore.__mro__])

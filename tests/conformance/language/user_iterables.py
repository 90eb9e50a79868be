# User classes in the iteration protocols real programs use: a linked list with
# __iter__/__len__/__contains__/__eq__/__hash__, tree traversal, and a paginator.


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for item in reversed(list(items)):
            self.head = Node(item, self.head)
            self.size += 1

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)

    def __hash__(self):
        return hash(tuple(self))

    def __repr__(self):
        return "LinkedList(" + " -> ".join(map(repr, self)) + ")"


ll = LinkedList([3, 1, 2])
print(ll, len(ll), list(ll), sorted(ll), sum(ll), 2 in ll, 5 in ll, bool(LinkedList()))
print(ll == LinkedList([3, 1, 2]), ll == [3, 1, 2], len({ll, LinkedList([3, 1, 2]), LinkedList()}))
first, *others = ll
print(first, others, dict(enumerate(ll, start=1)), list(zip(ll, "abc")), max(ll, key=lambda v: -v))
try:
    Node(1).extra = 2
except AttributeError as e:
    print(e)


class Tree:
    def __init__(self, label, *children):
        self.label = label
        self.children = children

    def __iter__(self):
        yield self.label
        for child in self.children:
            yield from child


t = Tree("a", Tree("b", Tree("d")), Tree("c", Tree("e"), Tree("f")))
print(list(t), "-".join(t), sorted(t, reverse=True), [x for x in t if x > "c"])


class Pages:
    def __init__(self, items, size):
        self.items = items
        self.size = size

    def __iter__(self):
        return PageIterator(self)


class PageIterator:
    def __init__(self, pages):
        self.pages = pages
        self.at = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.at >= len(self.pages.items):
            raise StopIteration
        page = self.pages.items[self.at:self.at + self.pages.size]
        self.at += self.pages.size
        return page


pages = Pages(list(range(7)), 3)
for number, page in enumerate(pages, start=1):
    print("page", number, page)
print(list(pages), sum(len(p) for p in pages))
a, b, c = pages
print(a, b, c)
try:
    a, b = pages
except ValueError as e:
    print(e)

# namedtuple records: construction by position and keyword, attribute and index access,
# unpacking, sorting by field, _asdict, _replace, _make, defaults, tuple behaviour.
from collections import namedtuple

Employee = namedtuple("Employee", "name dept salary")
staff = [
    Employee("ann", "eng", 120),
    Employee(name="bob", dept="ops", salary=90),
    Employee._make(["cyd", "eng", 105]),
]
for e in sorted(staff, key=lambda e: e.salary):
    print(e.name, e.dept, e.salary)
name, dept, salary = staff[0]
print(name, dept, salary, staff[0][1], staff[0][-1], staff[0][:2], len(staff[0]))
print(staff[1], repr(staff[2]), str(staff[0]))
print(staff[0]._asdict(), staff[1]._replace(salary=95), staff[1])
print(Employee._fields, Employee.__name__, Employee.__doc__, type(staff[0]).__module__)
print(staff[0] == ("ann", "eng", 120), staff[0] == staff[0]._replace(), staff[0] < staff[1])
print(isinstance(staff[0], tuple), tuple(staff[0]), list(staff[0]), staff[0] + (1,), staff[0].count("eng"), staff[0].index(120))
print({staff[0]: "lead"}[("ann", "eng", 120)], hash(staff[0]) == hash(("ann", "eng", 120)))

Point = namedtuple("Point", ["x", "y", "z"], defaults=[0, 0])
print(Point(1), Point(1, 2), Point(1, 2, 3), Point._field_defaults)
p = Point(3, 4)
print(p.x ** 2 + p.y ** 2, max(p), sum(p), sorted(p, reverse=True))
total = Point(0, 0)
for q in [Point(1, 2), Point(3, 4, 5)]:
    total = Point(*(a + b for a, b in zip(total, q)))
print(total)

Pair = namedtuple("Pair", "left, right")
print(Pair(1, 2), Pair(left=[1], right={}))
Single = namedtuple("Single", "only")
print(Single(5), Single.__doc__)
Row = namedtuple("Row", "a b", module="records")
print(Row.__module__, Row(1, 2))
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.name)
print(by_dept)

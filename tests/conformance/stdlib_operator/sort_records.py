# Sorting and grouping records with itemgetter and attrgetter: single and multiple
# keys, dotted attribute paths, stable secondary sorts, and max/min with keys.
from operator import itemgetter, attrgetter

rows = [
    ('ann', 'eng', 120, 3), ('bob', 'ops', 95, 7), ('cy', 'eng', 120, 1),
    ('dee', 'ops', 110, 2), ('eve', 'mgmt', 150, 9),
]
print(sorted(rows, key=itemgetter(2)))
print(sorted(rows, key=itemgetter(1, 2)))
print(sorted(rows, key=itemgetter(2, 0), reverse=True))
print(list(map(itemgetter(0), rows)), itemgetter(0, -1)(rows[0]))
print(max(rows, key=itemgetter(3)), min(rows, key=itemgetter(2)))
by_name = {r[0]: r for r in rows}
print(itemgetter('bob', 'eve')(by_name)[1], itemgetter(slice(1, 3))('abcdef'))

class Address:
    def __init__(self, city, zipcode):
        self.city = city
        self.zipcode = zipcode

class Person:
    def __init__(self, name, age, city, zipcode):
        self.name = name
        self.age = age
        self.address = Address(city, zipcode)
    def __repr__(self):
        return f'Person({self.name})'

people = [Person('zed', 40, 'Oslo', 3), Person('amy', 25, 'Bergen', 5),
          Person('kim', 33, 'Oslo', 1), Person('lee', 25, 'Aarhus', 2)]
print(sorted(people, key=attrgetter('age')))
print(sorted(people, key=attrgetter('address.city', 'name')))
print(sorted(people, key=attrgetter('address.zipcode')))
print(attrgetter('name', 'address.city')(people[0]), attrgetter('address.city')(people[1]))

# Stable multi-pass sort: secondary key first.
s = sorted(people, key=attrgetter('name'))
s.sort(key=attrgetter('age'), reverse=True)
print(s)

# Getters are reusable objects with reprs.
g = itemgetter(1)
print(g, itemgetter(0, 'k'), attrgetter('a.b', 'c'), [g(x) for x in ['ab', (1, 2), {1: 'one'}]])
print(type(g).__name__, callable(g))

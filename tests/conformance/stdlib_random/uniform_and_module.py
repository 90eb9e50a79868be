# uniform with floats and ints, and module functions sharing one hidden instance.
import random

random.seed(0)
print([random.uniform(0, 1) for _ in range(3)])
print([random.uniform(-5.5, 5.5) for _ in range(3)])
print(random.uniform(10, 1), random.uniform(3, 3), random.uniform(1, 2.5))
s = 0.0
for _ in range(1000):
    s += random.uniform(2, 4)
print(s)
random.seed(10)
a = random.random()
b = random.randint(0, 9)
random.seed(10)
print(a == random.random(), b == random.randint(0, 9))
r = random.Random(10)
print(r.random() == a)
from random import random as rnd, seed as sd, randint as ri
sd(77)
print(rnd(), ri(1, 10))
for f in (lambda: random.uniform(1), lambda: random.uniform("a", "b"), lambda: random.uniform(1, 2, 3)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

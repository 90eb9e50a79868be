# A small Monte Carlo simulation driven by a fixed seed: dice, random walks, shuffles.
import random

rng = random.Random(2718)
hits = 0
for _ in range(5000):
    x, y = rng.random(), rng.random()
    if x * x + y * y <= 1.0:
        hits += 1
print("pi ~", 4 * hits / 5000)

pos = 0
path = []
for step in range(500):
    pos += rng.choice((-1, 1))
    if step % 50 == 0:
        path.append(pos)
print(path, pos)

rolls = [rng.randint(1, 6) + rng.randint(1, 6) for _ in range(1000)]
print([rolls.count(v) for v in range(2, 13)])

people = ["ann", "bob", "cy", "dee", "eve", "fay", "gus"]
rng.shuffle(people)
print(people, rng.sample(people, 3))
bits = sum(bin(rng.getrandbits(64)).count("1") for _ in range(100))
print(bits)
print(rng.randrange(0, 10**6, 5), round(rng.uniform(0, 100), 6))

# pyperformance's bm_barnes_hut (unchanged in pyperformance/): a quadtree n-body run.
import _setup
import barnes_hut as bh

particles = bh.create_deterministic_galaxy(60, 500, 400)
print("particles:", len(particles))
print("initial energy:", repr(bh.calculate_system_energy(particles)))
for step in range(5):
    bh.advance_system(particles, bh.DEFAULT_THETA, bh.TIME_STEP, 1000, 800)
    print("step", step, "energy", repr(bh.calculate_system_energy(particles)))
p = particles[7]
print("particle 7:", repr(p.position.x), repr(p.position.y), repr(p.velocity.x), repr(p.velocity.y))

# pyperformance's bm_chaos (unchanged in pyperformance/): the chaos game on its
# splines, at a small image size; prints a digest of the image.
import _setup
import random
import chaos

runner = _setup.CaptureRunner()
chaos.main(runner, _setup.Args(thickness=chaos.DEFAULT_THICKNESS, width=64, height=64,
                               iterations=3000, filename=None, rng_seed=chaos.DEFAULT_RNG_SEED))
name, func, args = runner.benchmarks[0]
game = func.__self__
print(name, args[:3])
random.seed(args[4])
point = chaos.GVector((game.maxx + game.minx) / 2, (game.maxy + game.miny) / 2, 0)
xs = 0.0
ys = 0.0
for i in range(2000):
    point = game.transform_point(point)
    xs += point.x
    ys += point.y
    if i % 400 == 0:
        print(i, repr(point))
print("sums:", repr(xs), repr(ys))
func(*args)
print("image done")

# pyperformance's bm_raytrace (unchanged in pyperformance/): the benchmark's scene
# rendered at a small size; prints a checksum over the canvas's bytes, a few exact
# pixels, and some of the vector arithmetic and colours the renderer computes.
import _setup
import raytrace as rt

WIDTH, HEIGHT = 40, 30

# bench_raytrace makes its Canvas and drops it: this subclass keeps each one it makes.
canvases = []


class KeptCanvas(rt.Canvas):
    def __init__(self, width, height):
        super().__init__(width, height)
        canvases.append(self)


rt.Canvas = KeptCanvas
print("bench_raytrace timed:", rt.bench_raytrace(1, WIDTH, HEIGHT, None) >= 0)
canvas = canvases[0]
pixels = canvas.bytes
print("canvas", canvas.width, canvas.height, len(pixels), pixels.typecode, pixels.itemsize)
weighted = 0
for i, b in enumerate(pixels):
    weighted = (weighted * 31 + b * (i % 7 + 1)) % 1000000007
print("sum", sum(pixels), "weighted", weighted)
print("distinct values", len(set(pixels)), "min", min(pixels), "max", max(pixels))
for x, y in ((0, 0), (5, 0), (10, 0), (20, 3), (25, 3), (20, 9), (25, 12), (20, 15),
             (WIDTH - 1, HEIGHT - 1)):
    i = ((HEIGHT - y - 1) * WIDTH + x) * 3
    print("pixel", (x, y), pixels[i:i + 3].tolist())
middle = (HEIGHT - 3 - 1) * WIDTH * 3
print("row 3:", pixels[middle:middle + WIDTH * 3].tolist())

a = rt.Vector(1.5, -2, 0.25)
b = rt.Vector(0.5, 4, -3)
print(a + b, a - b, a.cross(b), repr(a.dot(b)), repr(a.magnitude()))
print(a.normalized(), a.reflectThrough(rt.Vector.UP), rt.Point(1, 2, 3) - rt.Point(0.5, 0, 1))
sphere = rt.Sphere(rt.Point(1, 3, -10), 2)
ray = rt.Ray(rt.Point(0, 1.8, 10), rt.Vector(0.05, 0.07, -1))
t = sphere.intersectionTime(ray)
print(sphere, ray, repr(t), ray.pointAtTime(t), sphere.normalAt(ray.pointAtTime(t)))
print(rt.Halfspace(rt.Point(0, 0, 0), rt.Vector.UP).intersectionTime(
    rt.Ray(rt.Point(0, 2, 0), rt.Vector(0.3, -1, 0.1))))
scene = rt.Scene()
scene.addLight(rt.Point(30, 30, 10))
scene.addObject(sphere, rt.SimpleSurface(baseColour=(1, 1, 0)))
scene.addObject(rt.Halfspace(rt.Point(0, 0, 0), rt.Vector.UP),
                rt.CheckerboardSurface(checkSize=2))
for dx in (-0.4, -0.1, 0.05, 0.3):
    print("colour", dx, scene.rayColour(rt.Ray(scene.position, rt.Vector(dx, -0.2, -1))))

# time.perf_counter and time.time: only types and monotonic differences are checked.
import time
t0 = time.perf_counter()
w0 = time.time()
total = 0
for i in range(20000):
    total += i * i
t1 = time.perf_counter()
w1 = time.time()
print(total)
print(type(t0).__name__, type(w0).__name__)
print(t1 > t0, t1 - t0 > 0, w1 >= w0)
print(w0 > 1_600_000_000, isinstance(time.perf_counter(), float))
elapsed = t1 - t0
print(elapsed < 60)
from time import perf_counter
print(perf_counter() >= t1)

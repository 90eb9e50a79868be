# gc.collect() called from a __del__ that runs during a collection must not start a
# nested collection (CPython returns 0 at once); a chain of finalizers that each create
# new garbage then advances one generation per collection. monjit used to re-enter
# finalization, nesting once per generation until RecursionError at about 1000.
import gc
gens = []
results = set()
class Breeder:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        gens.append(self.n)
        if self.n < 1000:
            Breeder(self.n + 1)
        results.add(gc.collect())
Breeder(0)
for _ in range(1100):
    gc.collect()
print(len(gens), gens[-1], results)

# Streaming statistics with heaps and bisect: running median, sliding-window ranks,
# and merging per-day sorted logs.
import bisect
import heapq


class RunningMedian:
    def __init__(self):
        self.low = []    # max-heap of the lower half
        self.high = []   # min-heap of the upper half

    def add(self, x):
        if self.low and x > self.low[0]:
            heapq.heappush(self.high, x)
        else:
            heapq.heappush_max(self.low, x)
        if len(self.low) > len(self.high) + 1:
            heapq.heappush(self.high, heapq.heappop_max(self.low))
        elif len(self.high) > len(self.low):
            heapq.heappush_max(self.low, heapq.heappop(self.high))

    def median(self):
        if len(self.low) > len(self.high):
            return self.low[0]
        return (self.low[0] + self.high[0]) / 2


rm = RunningMedian()
out = []
for x in [5, 15, 1, 3, 8, 7, 9, 10, 20, 2]:
    rm.add(x)
    out.append(rm.median())
print(out)

window = []
stream = [4, 8, 1, 9, 3, 7, 7, 2]
for i, x in enumerate(stream):
    bisect.insort(window, x)
    if len(window) > 4:
        window.pop(bisect.bisect_left(window, stream[i - 4]))
    print(i, window, bisect.bisect_left(window, x), bisect.bisect_right(window, x))

day1 = [(9, "login ann"), (11, "upload bob"), (17, "logout ann")]
day2 = [(8, "login cy"), (11, "login dee"), (12, "upload cy")]
for t, event in heapq.merge(day1, day2):
    print(t, event)
latest = heapq.nlargest(2, day1 + day2)
print(latest, heapq.nsmallest(2, day1 + day2, key=lambda e: e[1]))

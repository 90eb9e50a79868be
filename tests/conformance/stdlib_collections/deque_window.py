# Sliding windows with deque(maxlen=...): moving averages, the last N lines of a log,
# and the sliding-window maximum with a monotonic deque of indices.
from collections import deque

def moving_average(values, n):
    window = deque(maxlen=n)
    out = []
    for v in values:
        window.append(v)
        if len(window) == n:
            out.append(sum(window) / n)
    return out

print(moving_average([40, 30, 50, 46, 39, 44], 3))

def tail(lines, n=3):
    return deque(lines, maxlen=n)

log = [f"line {i}" for i in range(1, 9)]
t = tail(log)
print(t, t.maxlen, list(t))

def window_max(nums, k):
    dq = deque()
    result = []
    for i, x in enumerate(nums):
        while dq and dq[0] <= i - k:
            dq.popleft()
        while dq and nums[dq[-1]] < x:
            dq.pop()
        dq.append(i)
        if i >= k - 1:
            result.append(nums[dq[0]])
    return result

print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))

w = deque(range(5), maxlen=5)
w.appendleft(-1)
print(w)
w.extend([10, 11])
print(w, w.maxlen)
z = deque([1, 2], maxlen=0)
z.append(3)
print(z, len(z))

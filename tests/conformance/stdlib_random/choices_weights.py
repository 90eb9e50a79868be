# choices: equal weights, weights=, cum_weights=, k=, and the argument errors.
import random

def t(*a, **k):
    try:
        print(random.choices(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

random.seed(8)
t("abc")
t("abcdef", k=10)
t(range(100), k=5)
t(["x", "y", "z"], [10, 1, 1], k=12)
t(["x", "y", "z"], cum_weights=[1, 2, 30], k=8)
t([1, 2], [0.25, 0.75], k=6)
t([1, 2], [0, 1], k=4)
t([], k=0)
t([1], k=-3)
t("ab", [1, 2], cum_weights=[1, 2])
t("ab", [1])
t("ab", [0, 0])
t("ab", [1, float("inf")])
t("ab", 3)
t("ab", k=1.5)
t([], k=2)
t([], [], k=1)
t("ab", [1, "x"])
counts = {"a": 0, "b": 0, "c": 0}
for c in random.choices("abc", [5, 3, 2], k=1000):
    counts[c] += 1
print(counts)

# copy.copy and copy.deepcopy on built-in containers: sharing, identity, cycles, memo.
import copy

nested = [1, [2, 3], {"k": [4]}, (5, [6]), {7, 8}, frozenset({9})]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print(shallow == nested, shallow is nested, shallow[1] is nested[1], shallow[2] is nested[2])
print(deep == nested, deep[1] is nested[1], deep[2]["k"] is nested[2]["k"], deep[3] is nested[3], deep[3][1] is nested[3][1])
print(deep[4] == nested[4], deep[4] is nested[4], deep[5] is nested[5], sorted(deep[4]))
nested[1].append(99)
nested[2]["k"].append(98)
print(shallow[1], deep[1], shallow[2], deep[2])

# Immutable values come back as themselves.
t = (1, "two", 3.0, None, (4, 5))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
for v in [42, 2**100, 1.5, "text", None, True, range(3), len, print, int, Ellipsis]:
    print(type(v).__name__, copy.copy(v) is v, copy.deepcopy(v) is v)
tl = (1, [2])
print(copy.deepcopy(tl) is tl, copy.deepcopy(tl) == tl)

# Sharing inside the copied structure is preserved.
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)

# Cycles.
cyc = [1, 2]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[2] is dc, dc is cyc, len(dc))
d = {"self": None, "n": 1}
d["self"] = d
dd = copy.deepcopy(d)
print(dd["self"] is dd, dd["n"], dd is d)
tcyc = ([],)
tcyc[0].append(tcyc)
tc = copy.deepcopy(tcyc)
print(tc[0][0] is tc, tc is tcyc)

# The memo dict maps id(original) to its copy, and keeps originals alive.
memo = {}
src = [[1], [2]]
out = copy.deepcopy(src, memo)
print(memo[id(src)] is out, memo[id(src[0])] is out[0], len(memo), memo[id(memo)] == [[1], [2], [[1], [2]]])
again = copy.deepcopy(src, memo)
print(again is out)

from array import array
arr = array('d', [1.5, 2.5])
ac, ad = copy.copy(arr), copy.deepcopy([arr, arr])
print(ac, ac is arr, ad[0] is ad[1], ad[0] is arr, ad[0] == arr)
print(copy.__all__, copy.error is copy.Error)

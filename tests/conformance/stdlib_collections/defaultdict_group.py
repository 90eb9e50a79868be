# defaultdict for grouping: words by first letter and by anagram class, an adjacency
# list, counting with int, and an autovivifying tree.
from collections import defaultdict

words = "listen silent enlist google banana gogole inlets stone tones notes".split()

by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(by_letter)

anagrams = defaultdict(list)
for w in words:
    anagrams["".join(sorted(w))].append(w)
for key in sorted(anagrams):
    print(key, anagrams[key])

counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts["z"], len(counts))

edges = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "a"), ("d", "a")]
graph = defaultdict(set)
for src, dst in edges:
    graph[src].add(dst)
    graph[dst]
print({k: sorted(v) for k, v in sorted(graph.items())})

def tree():
    return defaultdict(tree)

t = tree()
t["animals"]["mammals"]["cat"] = 1
t["animals"]["birds"]["owl"] = 2
t["plants"]["tree"]["oak"] = 3

def plain(node):
    return {k: plain(v) if isinstance(v, defaultdict) else v for k, v in node.items()}

print(plain(t))
print(isinstance(t, dict), isinstance(t, defaultdict), type(t).__name__)

# Counter for word frequencies: most_common (ties keep first-seen order), elements,
# total, missing words counting 0, update with more text, and the repr.
from collections import Counter

text = """the quick brown fox jumps over the lazy dog the dog barks
and the fox runs away quick quick"""
words = text.split()
counts = Counter(words)
print(counts)
print(counts.most_common(3))
print(counts["the"], counts["cat"], "cat" in counts, counts.total(), len(counts))
counts.update("the end".split())
print(counts.most_common(2), counts["end"])
letters = Counter("hello world")
print(letters.most_common())
print(sorted(letters.elements()))
print(Counter({"a": 3, "b": -1, "c": 0}).most_common(), list(Counter(a=2, b=0, c=-1).elements()))
print(Counter(), Counter(cats=4, dogs=8), Counter([1, 1, 2]))
print(counts.most_common(0), counts.most_common(-1), len(counts.most_common(100)))

def top_words(lines, n):
    c = Counter()
    for line in lines:
        for w in line.lower().split():
            c[w.strip(".,!?")] += 1
    return c.most_common(n)

print(top_words(["Hello, world!", "Hello again.", "World peace, hello"], 2))

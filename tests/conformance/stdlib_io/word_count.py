# A small text-processing pipeline: write a file, read it back line by line, count
# words, and render a report into a StringIO before printing it.
import io
import os

path = __file__ + ".%d.tmp" % os.getpid()
text = """The quick brown fox
jumps over the lazy dog.
The dog sleeps; the fox runs!

Last line without newline"""
with open(path, "w", encoding="utf-8") as f:
    f.write(text)

counts = {}
lines = 0
with open(path) as f:
    for line in f:
        lines += 1
        for raw in line.split():
            word = raw.strip(".,;!").lower()
            counts[word] = counts.get(word, 0) + 1
os.remove(path)

report = io.StringIO()
print(f"{lines} lines, {sum(counts.values())} words, {len(counts)} distinct", file=report)
for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    report.write(f"{word:>8} {'*' * n}\n")
report.seek(0)
header = report.readline()
body = report.readlines()
print(header.strip())
print("".join(body), end="")
print(len(report.getvalue().splitlines()), report.tell() == len(report.getvalue()))

# Reading in fixed-size chunks.
chunks = []
src = io.StringIO(text)
while True:
    chunk = src.read(16)
    if not chunk:
        break
    chunks.append(len(chunk))
print(chunks, src.read(), src.readline())

# dict_strings: string and dict workload. Generates a pseudo-random text from
# a vocabulary, counts words in dicts, builds keys with f-strings and str
# methods, groups, sorts and joins. Only insertion-ordered dict iteration and
# sorted() are used, so output is deterministic despite hash randomization.
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "qua", "xi", "pe"]


def make_vocabulary():
    words = []
    for a in SYLLABLES:
        for b in SYLLABLES:
            if a != b:
                words.append(a + b)
    return words


def make_text(vocab, n_words, seed):
    parts = []
    x = seed
    nv = len(vocab)
    for i in range(n_words):
        x = (x * 1103515245 + 12345) % 2147483648
        w = vocab[(x >> 8) % nv]
        if (x >> 4) % 11 == 0:
            w = w.upper()
        elif (x >> 4) % 7 == 0:
            w = " " + w[:1].upper() + w[1:] + ","
        parts.append(w)
    return " ".join(parts)


def count_words(text):
    counts = {}
    for raw in text.split():
        w = raw.strip(",.").lower()
        counts[w] = counts.get(w, 0) + 1
    return counts


def by_prefix(counts):
    groups = {}
    for word, c in counts.items():
        key = f"{word[:2]}-{len(word)}"
        if key not in groups:
            groups[key] = []
        groups[key].append("%s:%d" % (word, c))
    return groups


def digest(s):
    h = 5381
    for ch in s:
        h = (h * 33 + ord(ch)) & 0xFFFFFFFF
    return h


def run(rounds, words_per_round):
    vocab = make_vocabulary()
    grand = {}
    acc = 0
    for r in range(rounds):
        text = make_text(vocab, words_per_round, r + 1)
        counts = count_words(text)
        for w, c in counts.items():
            grand[w] = grand.get(w, 0) + c
        groups = by_prefix(counts)
        line = ";".join(k + "=" + ",".join(sorted(v)) for k, v in sorted(groups.items()))
        acc = (acc * 31 + digest(line)) % 1000000007
        label = "round {:03d}: {} distinct, top={}".format(r, len(counts), max(counts.values()))
        acc = (acc + len(label.replace(" ", ""))) % 1000000007
        if text.startswith("ka") or text.endswith("ka"):
            acc += 1
    ranked = sorted([(-c, w) for w, c in grand.items()])
    top = ", ".join(f"{w}={-neg}" for neg, w in ranked[:5])
    return acc, len(grand), top


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    acc, distinct, top = run(rounds, 5000)
    print(f"dict_strings({rounds}): distinct={distinct} top: {top}")
    print(f"checksum: {acc} {distinct}")


main()

# Generator expressions as sole function arguments and with other arguments.
print(sum(x for x in range(10)))
print(sum((x for x in range(10)), 100))
print(max(x % 7 for x in range(20)), min((-x for x in range(5)), default=0))
print(sorted((c for c in 'banana'), reverse=True))
print(list(enumerate(c for c in 'ab')))
print(dict((str(i), i) for i in range(3)))
print(tuple(x for x in 'tup'), set(x // 2 for x in range(6)))
print(any(x == 3 for x in range(5)), all(x != 3 for x in range(5)))
print(' '.join(w.capitalize() for w in 'hello big world'.split()))
print(list(zip((x for x in 'abc'), (y * 2 for y in range(3)))))
print(list(map(str, (x * x for x in range(4)))))
print(len(list(x for x in range(1000) if x % 7 == 0)))
def consume(it, n):
    out = []
    for v in it:
        out.append(v)
        if len(out) == n:
            break
    return out
print(consume((x * x for x in range(10**9)), 5))
seen = []
g = (seen.append(x) or x for x in range(5))
print(next(g), next(g), seen)
print(min((len(w), w) for w in ['pear', 'fig', 'apple', 'kiwi']))
print(sum(1 for _ in 'count me'))

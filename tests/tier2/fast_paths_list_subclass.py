# A subclass of list at the sites of the exact-list fast paths (indexing, item
# stores, attribute loads): the inline paths must miss and the helpers handle it.


class Items(list):
    def first(self):
        return self[0]


def run(n):
    plain = [0, 1, 2]
    sub = Items([10, 11, 12])
    sub.tag = "t"
    total = 0
    for i in range(n):
        for xs in (plain, sub):
            total += xs[i % 3] + xs[-1]
            xs[i % 3] = i
        total += sub.first()
    print(total, plain, sub, sub.tag)


run(40)

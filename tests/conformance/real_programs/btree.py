# pyperformance's bm_btree (unchanged in pyperformance/): a B-tree of records holding
# random bytes, interned strings and floats, built in random key order, partly deleted
# and rebuilt, then walked and probed; at a smaller size than the benchmark.
import _setup
import gc
import random
import btree

btree.NUM_NODES = 3000
records = list(btree.make_records(btree.NUM_NODES))
print("records:", len(records), "bytes total:", sum(len(r.c) for r in records))
print("record 7:", records[7].a, records[7].b, records[7].c, records[7].d, records[7].e, records[7].f)
print("bytes checksum:", sum(sum(r.c) for r in records) % 1000003)

random.seed(btree.RANDOM_SEED)
tree = btree.make_tree(btree.NUM_NODES, records)
print("len:", len(tree), "levels:", tree.root.get_level(), "min:", tree.root.get_min_item()[0], "max:", tree.root.get_max_item()[0])
keys = list(tree)
print("in order:", keys == sorted(keys), keys[:5], keys[-3:])
print("contains 17:", 17 in tree, "contains -1:", -1 in tree, "get -1:", tree.get(-1, "missing"))
print("collected:", gc.collect() >= 0)

d_total = 0.0
for key in tree:
    d_total += tree[key].d
print("d total: %.6f" % d_total)
for key in range(0, btree.NUM_NODES, 3):
    del tree[key]
print("after deleting a third:", len(tree), tree.root.get_level(), list(tree)[:6])

elapsed = btree.run_bench(1, False)
print("run_bench:", type(elapsed).__name__, elapsed >= 0)

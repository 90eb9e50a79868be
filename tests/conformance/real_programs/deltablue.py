# pyperformance's bm_deltablue (unchanged in pyperformance/): the one-way constraint
# solver whose OrderedCollection is a subclass of list. The benchmark's own tests print
# only on failure; this also builds a chain and a projection and prints the solutions.
import _setup
import deltablue as db

db.chain_test(40)
db.projection_test(40)
print("benchmark tests: planner mark", db.planner.current_mark)

# A chain v0 == v1 == ... == v5, edited at v0, stayed at v5 (what chain_test builds).
db.planner = db.Planner()
chain = [db.Variable("v%d" % i) for i in range(6)]
for a, b in zip(chain, chain[1:]):
    db.EqualityConstraint(a, b, db.Strength.REQUIRED)
db.StayConstraint(chain[-1], db.Strength.STRONG_DEFAULT)
edit = db.EditConstraint(chain[0], db.Strength.PREFERRED)
edits = db.OrderedCollection()
edits.append(edit)
print("edits:", type(edits).__name__, isinstance(edits, list), len(edits))
plan = db.planner.extract_plan_from_constraints(edits)
print("chain plan:", len(plan), "steps,", type(plan.v).__name__)
for value in (3, 17, 42):
    chain[0].value = value
    plan.execute()
    print("v0 =", value, "->", [v.value for v in chain])
for v in chain:
    print(" ", v.name, v.walk_strength.name, v.stay, len(v.constraints), type(v.constraints).__name__)
edit.destroy_constraint()
print("after removing the edit:", [v.determined_by.__class__.__name__ for v in chain])

# A projection dst = src * scale + offset, changed from either side (projection_test).
db.planner = db.Planner()
scale = db.Variable("scale", 10)
offset = db.Variable("offset", 1000)
dests = db.OrderedCollection()
srcs = []
for i in range(5):
    src = db.Variable("src%d" % i, i)
    dst = db.Variable("dst%d" % i, i)
    srcs.append(src)
    dests.append(dst)
    db.StayConstraint(src, db.Strength.NORMAL)
    db.ScaleConstraint(src, scale, offset, dst, db.Strength.REQUIRED)
print("projection:", [d.value for d in dests])
db.change(srcs[-1], 17)
print("src4 := 17:", [d.value for d in dests])
db.change(dests[-1], 1050)
print("dst4 := 1050:", [s.value for s in srcs])
db.change(scale, 5)
print("scale := 5:", [d.value for d in dests])
db.change(offset, 2000)
print("offset := 2000:", [d.value for d in dests])
print("strengths:", [db.Strength.weakest_of(db.Strength.NORMAL, s).name for s in (db.Strength.REQUIRED, db.Strength.WEAKEST)])

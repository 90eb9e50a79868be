# pyperformance's bm_nbody (unchanged in pyperformance/): energy before and after.
import _setup
import nbody

nbody.offset_momentum(nbody.BODIES[nbody.DEFAULT_REFERENCE])
print("energy before:", repr(nbody.report_energy()))
nbody.advance(0.01, 1000)
print("energy after 1000 steps:", repr(nbody.report_energy()))
for name in sorted(nbody.BODIES):
    (r, v, m) = nbody.BODIES[name]
    print(name, ["%.12f" % c for c in r], ["%.12f" % c for c in v])

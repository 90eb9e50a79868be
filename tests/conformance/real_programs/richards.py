# The Richards benchmark (pyperformance's bm_richards, unchanged in pyperformance/).
import _setup
import richards

r = richards.Richards()
print("run(1):", r.run(1))
print("run(3):", r.run(3))
print("holdCount", richards.taskWorkArea.holdCount, "qpktCount", richards.taskWorkArea.qpktCount)

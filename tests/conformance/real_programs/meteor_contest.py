# pyperformance's bm_meteor_contest (unchanged in pyperformance/): the Meteor puzzle
# (ten pieces on a 5x10 hexagonal board), solved for fewer solutions than the
# benchmark; prints the puzzle's set-up and the solutions found, then runs the
# benchmark once (all 60 solutions, checked by the program itself).
import _setup
import meteor_contest as mc

board, cti, pieces = mc.get_puzzle(mc.WIDTH, mc.HEIGHT)
fps = mc.get_footprints(board, cti, pieces)
se_nh = mc.get_senh(board, cti)
print("cells", len(board), "pieces", len(pieces),
      "orientations", [len(p) for p in pieces])
print("footprints per cell", [sum(len(f) for f in cell) for cell in fps])
print("south-east neighbours of cell 0..6", [sorted(nh) for nh in se_nh[:7]])

for wanted in (1, 30):
    solutions = []
    mc.solve(wanted, 0, frozenset(range(len(board))), [-1] * len(board),
             list(range(len(pieces))), solutions, fps, se_nh)
    print("asked", wanted, "found", len(solutions), "sorted", solutions == sorted(solutions))
    print("  first", solutions[0])
    print("  last ", solutions[-1])
    print("  in the benchmark's 60:", sum(1 for s in solutions if s in mc.SOLUTIONS))
# The benchmark's own run: it raises unless it finds exactly SOLUTIONS.
print("bench_meteor_contest timed:",
      mc.bench_meteor_contest(1, board, pieces, mc.SOLVE_ARG, fps, se_nh) >= 0)

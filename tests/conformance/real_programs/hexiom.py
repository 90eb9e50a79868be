# pyperformance's bm_hexiom (unchanged in pyperformance/): the Hexiom solver on its
# smaller levels with every cell-choice strategy, printing each solved board (what the
# solver writes into an io.StringIO); then the benchmark's own main() on level 10.
import _setup
import io
import hexiom

STRATEGIES = ["MIN_CHOICE", "MAX_CHOICE", "HIGHEST_VALUE", "FIRST", "MAX_NEIGHBORS",
              "MIN_NEIGHBORS"]

for level in (2, 10, 20):
    board, solution = hexiom.LEVELS[level]
    board = board.strip()
    for name in STRATEGIES:
        for order in (hexiom.DESCENDING, hexiom.ASCENDING):
            stream = io.StringIO()
            pos = hexiom.read_file(board)
            status = hexiom.solve(pos, getattr(hexiom.Done, name + "_STRATEGY"), order, stream)
            output = stream.getvalue()
            rows = [line.rstrip() for line in output.splitlines()]
            print("level", level, name, "descending" if order < 0 else "ascending",
                  "status", status, "chars", len(output),
                  "expected" if "\n".join(rows) == solution.rstrip() else "|".join(rows))
    print(output, end="")

stream = io.StringIO()
hexiom.solve_file(hexiom.LEVELS[25][0].strip(), hexiom.Done.FIRST_STRATEGY, hexiom.DESCENDING,
                  stream)
print(stream.getvalue(), end="")
print("main(2, 10) timed:", hexiom.main(2, 10) >= 0)

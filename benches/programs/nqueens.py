# nqueens: count all placements of n non-attacking queens by recursive
# backtracking, tracking attacked columns and diagonals with sets. Also
# records the first solution found (as a tuple) for the checksum.
import sys

REPEAT = 3


class Solver:
    def __init__(self, n):
        self.n = n
        self.cols = set()
        self.diag1 = set()
        self.diag2 = set()
        self.placed = []
        self.count = 0
        self.first = None

    def solve(self, row):
        n = self.n
        if row == n:
            self.count += 1
            if self.first is None:
                self.first = tuple(self.placed)
            return
        cols = self.cols
        diag1 = self.diag1
        diag2 = self.diag2
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            self.placed.append(c)
            self.solve(row + 1)
            self.placed.pop()
            cols.remove(c)
            diag1.remove(row + c)
            diag2.remove(row - c)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    total = 0
    first = None
    # Solve every board size from 4 up to n (so the work grows smoothly with
    # n), REPEAT times with fresh solvers.
    for rep in range(REPEAT):
        for size in range(4, n + 1):
            s = Solver(size)
            s.solve(0)
            total += s.count * size
            first = s.first
            if rep == 0:
                print(f"queens({size}) = {s.count}")
    print(f"checksum: {total} {first}")


main()

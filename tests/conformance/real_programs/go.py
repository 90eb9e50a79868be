# pyperformance's bm_go (unchanged in pyperformance/): Monte Carlo tree search on a
# 9x9 board, with fewer playouts than the benchmark.
import _setup
import go

go.GAMES = 60
print("computer move:", go.versus_cpu())
board = go.Board()
import random
random.seed(3)
for i in range(12):
    pos = go.computer_move(board)
    board.move(pos)
    print("move", i, pos)
print("history:", board.history)

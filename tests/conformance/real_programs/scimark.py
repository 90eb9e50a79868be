# pyperformance's bm_scimark (unchanged in pyperformance/): its five kernels (SOR,
# sparse matrix multiply, Monte Carlo, LU factorisation, FFT) on its own random
# generator's data at small sizes, printing what each computes; then each benchmark
# function once as the benchmark calls it (with smaller arguments).
import _setup
from array import array
import scimark as sm


def digest(values):
    """Sum and sum of squares (exact reprs) and the first and last values."""
    values = list(values)
    return "n=%d sum=%r sumsq=%r first=%r last=%r" % (
        len(values), sum(values), sum(v * v for v in values), values[0], values[-1])


# The generator every kernel draws from.
rnd = sm.Random(113)
print("random:", [rnd.nextDouble() for _ in range(4)], rnd.i, rnd.j)
print("random vector:", digest(sm.Random(7).RandomVector(50)))

# SOR: successive over-relaxation on a random grid.
grid = sm.Random(11).RandomMatrix(sm.Array2D(24, 24))
sm.SOR_execute(1.25, grid, 6, sm.Array2D)
print("sor:", digest(grid.data))
print("sor cells:", grid[1, 1], grid[12, 7], grid[22, 22])
small = sm.Array2D(3, 2, [[1, 2, 3], [4, 5, 6]])
print("array2d:", list(small.indexes()), small.data.tolist(), small[2, 1])
try:
    small[3, 0]
except IndexError as e:
    print("array2d outside:", type(e).__name__, e.args)

# Sparse matrix times vector, compressed rows: a tridiagonal matrix of random values.
n = 60
row = array('i', [0]) * (n + 1)
col = array('i')
for r in range(n):
    for c in (r - 1, r, r + 1):
        if 0 <= c < n:
            col.append(c)
    row[r + 1] = len(col)
val = sm.Random(5).RandomVector(len(col))
x = sm.Random(6).RandomVector(n)
y = array('d', [0]) * n
sm.SparseCompRow_matmult(n, y, val, row, col, x, 3)
print("sparse:", len(col), digest(y))

# Monte Carlo estimate of pi.
for samples in (10, 1000, 20000):
    print("monte carlo", samples, repr(sm.MonteCarlo(samples)))

# LU factorisation with partial pivoting; then L times U against the pivoted matrix.
N = 12
A = sm.Random(7).RandomMatrix(sm.ArrayList(N, N))
lu = sm.ArrayList(N, N)
pivot = array('i', [0]) * N
sm.LU(lu, A, pivot)
print("lu pivot:", pivot.tolist())
print("lu:", digest(v for r in lu.data for v in r))
perm = list(range(N))
for j in range(N):
    perm[j], perm[pivot[j]] = perm[pivot[j]], perm[j]
worst = 0.0
for i in range(N):
    for j in range(N):
        s = sum(lu[i][k] * lu[k][j] for k in range(min(i, j + 1)))
        s += lu[i][j] if i <= j else 0.0
        worst = max(worst, abs(s - A[perm[i]][j]))
print("lu residual below 1e-12:", worst < 1e-12)

# FFT of a random complex vector, then the inverse.
for size in (16, 128):
    data = sm.copy_vector(sm.Random(7).RandomVector(2 * size))
    original = data[:]
    sm.FFT_transform(2 * size, data)
    print("fft", size, digest(data))
    print("fft", size, "bins 1, 2:", data[2:6].tolist())
    sm.FFT_inverse(2 * size, data)
    print("fft", size, "round trip error below 1e-12:",
          max(abs(a - b) for a, b in zip(data, original)) < 1e-12)
    print("fft", size, "flops", sm.FFT_num_flops(size))
try:
    sm.int_log2(12)
except Exception as e:
    print("int_log2(12):", e)

# The benchmark functions as the benchmark calls them (they return a time).
for name, func, args in (("sor", sm.bench_SOR, (1, 12, 2, sm.Array2D)),
                         ("sparse_mat_mult", sm.bench_SparseMatMult, (2, 100, 500)),
                         ("monte_carlo", sm.bench_MonteCarlo, (1, 2000)),
                         ("lu", sm.bench_LU, (2, 10)),
                         ("fft", sm.bench_FFT, (1, 64, 2))):
    print("bench", name, "timed:", func(*args) >= 0)

# pyperformance's bm_unpack_sequence (unchanged in pyperformance/).
import _setup
import unpack_sequence as u

print(u.bench_tuple_unpacking(50) >= 0)
print(u.bench_list_unpacking(50) >= 0)
print(u.bench_all(20) >= 0)

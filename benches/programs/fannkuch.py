# fannkuch: for every permutation of 1..n, count the pancake flips needed to
# bring 1 to the front; report the maximum and the alternating-sign checksum.
# List slicing/reversal and tight integer loops.
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k != 0:
                perm[: k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        # next permutation (rotation-based counting order)
        sign = -sign
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    # n = 10 is ~12x the work of n = 9, so the default size runs twice.
    checksum, max_flips = fannkuch(n)
    again = fannkuch(n)
    if again != (checksum, max_flips):
        print("fannkuch: runs disagree")
        sys.exit(1)
    print(f"{checksum}\nPfannkuchen({n}) = {max_flips}")
    print(f"checksum: {checksum} {max_flips}")


main()

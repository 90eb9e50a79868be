# nested_loops: a triple-nested integer loop doing mixed arithmetic, bit
# operations and a conditional. Measures the raw dispatch loop and int ops.
import sys

MOD = 1000000007


def kernel(n):
    total = 0
    for i in range(n):
        a = i * 7 + 3
        for j in range(n):
            b = (a ^ j) + (i & j)
            k = 0
            while k < 4:
                b = (b * 31 + k) % 65521
                k += 1
            if b % 3 == 0:
                total += b
            else:
                total -= b >> 2
        total %= MOD
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    result = kernel(n)
    print(f"checksum: {result}")


main()

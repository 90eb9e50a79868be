# bit_length, hex/bin/oct, and their negative and big forms.
for n in [0, 1, 2, 3, 7, 8, 255, 256, -1, -2, -255, -256, 2**63, 2**64 - 1, -2**64, 10**30]:
    print(n, n.bit_length(), hex(n), oct(n), bin(n))
print(hex(0), oct(0), bin(0), hex(-0))
print(True.bit_length(), hex(True), bin(False))
print(int(hex(2**100), 16) == 2**100, int(bin(-12345), 2), int(oct(-8), 8))
print((2**1000).bit_length(), (-(2**1000)).bit_length(), (2**1000 - 1).bit_length())
for v in (3.0, '3', None):
    try:
        hex(v)
    except TypeError as e:
        print('TypeError:', e)
print(abs(-7).bit_length(), (2**64).bit_length(), (-(2**64) + 1).bit_length())
print(hex(255)[2:], bin(5)[2:].zfill(8), oct(64)[2:])

# chr, ord, hex, bin, oct, divmod, pow, round as builtins.
print([ord(c) for c in 'Az09 \n~'], ''.join(chr(v) for v in range(97, 103)))
print(chr(9731), ord('☃'), chr(0x10FFFF) == '\U0010FFFF', ord('\U0001F40D'))
print(hex(255), hex(-1), bin(10), bin(-10), oct(8), oct(-64), hex(2**64), bin(0))
print(divmod(20, 6), divmod(-20, 6), divmod(20.5, 6), divmod(-7, -2), divmod(2**70, 3))
print(pow(2, 8), pow(2, -2), pow(2, 8, 10), pow(-2, 3), pow(2.5, 2), pow(9, 0.5))
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(1234, -2), round(0.1 + 0.2, 10))
print(round(7), round(7.0), round(7.5, 0), round(-0.5), type(round(7.5, 0)).__name__)
try:
    chr('a')
except TypeError as e:
    print('TypeError:', e)
try:
    ord(5)
except TypeError as e:
    print('TypeError:', e)
try:
    bin(1.0)
except TypeError as e:
    print('TypeError:', e)

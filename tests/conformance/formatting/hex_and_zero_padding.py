# Integer specs: d, x, width, zero padding, alignment of negatives.
for n in (0, 7, -7, 255, -255, 4096, 2**40, -(2**70)):
    print(f'[{n:d}] [{n:8d}] [{n:<8d}] [{n:^8d}] [{n:08d}] [{n:x}] [{n:8x}] [{n:08x}]')
print('{:03d}'.format(5), '{:03d}'.format(-5), '{:03d}'.format(12345), '{:0d}'.format(3))
print(f'{True:d}', f'{False:05d}', f'{True:x}')
for n in (10, 16, 31):
    print(f'{n}={n:x}', '%x' % n, hex(n)[2:], '%05x' % n, '%-5x|' % n)
try:
    f'{1.5:x}'
except ValueError as e:
    print('ValueError:', e)
try:
    f'{"s":05d}'
except ValueError as e:
    print('ValueError:', e)
print(f'{"s":05}', f'{"ab":03}', f'{1.5:07.2f}', f'{-1.5:07.2f}', f'{1.5:<07.2f}')

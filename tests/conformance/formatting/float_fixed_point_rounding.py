# Fixed-point formatting rounds the exact binary value, half-even on ties.
vals = [0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 1.115, 0.045, 1e-10, 123456.789, -1.25, 1e16, 1.23e-5]
for v in vals:
    print(repr(v), f'{v:.0f}', f'{v:.1f}', f'{v:.2f}', '%.3f' % v, '{:.5f}'.format(v))
print(f'{2**0.5:.15f}', f'{1/3:.20f}', f'{0.1:.25f}')
print(f'{1e300:.2f}'[:20], len(f'{1e300:.2f}'))
print(f'{5e-324:.3f}', f'{-5e-324:.3f}', f'{123:.2f}', f'{10**20:.1f}', f'{-7:.3f}')
print('%.2f' % 2**70, '%5.2f' % 0.001, '%8.4f|' % -0.00005)

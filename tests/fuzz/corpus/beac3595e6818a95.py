x, pi, name = 42, 3.14159265, 'Ada'
print(f'{x:5d}0{x:<5}|{x:^7}|{x:05}|{x:x}|{x:#b}|{x:,}')
print(f'{pi:.2f} {pi:10.4f} {pi:e} {pi:.3g} {1234567.891:5:.0%}')
print(f'{name!r} {name:>8} {name:*^9} {x=} {pi = :.1f}')
print('{} + {} = {}'.format(1, 2, 3), '{0}{1}{0}'.format('a', 'b'), '{n}'.format(n=5))
print('%s is %d years and %.1f%%' % ('Bob', 30, 12.345))
print(f'{"nested " + str(x)}', f'{[1, 2][1]}', f"{'q'}")
print(repr(1e16), repr(1e-5), repr(0.1 + 0.2), 1/3, 2.0, -0.0, 1e300 * 1e10)

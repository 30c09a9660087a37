print(int('  42  '), int('-0'), float('inf'), float('-inf') < 0, float('nan') == float('nan'))
print(10 // 3, -10 // 3, 10 % -3, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
print(round(0.5), round(1.5), round(2.675, 2), round(-0.5), round(1234.5678, -2), int(01e20))
print(7 / 7, 3 * 1.0, True * 3, 5 // 2.0, -5 % 2.0, abs(-0.0), max(1, 2.5, 2))
print(format(1234.5, ','), format(0.000012345, '.3e'), format(42, 'b'), format(3.0, 'g'), str(1e100))
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)

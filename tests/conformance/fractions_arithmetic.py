# fractions.Fraction as tutorials use it: construction from ints, strings and floats, exact
# arithmetic mixed with ints and floats, comparisons, hashing equal to int/float hashes, str/repr,
# from_float, limit_denominator, as_integer_ratio, float-style formatting; then the errors.
from fractions import Fraction
import math

a, b = Fraction(1, 3), Fraction(1, 6)
print(a + b, a - b, a * b, a / b, a ** 2, a ** -2, -a, abs(-a), +a)
print(repr(a + b), repr(Fraction(10, -8)), Fraction(Fraction(1, 7), 5), Fraction(Fraction(1, 7), Fraction(2, 3)))
print(Fraction('3/4'), Fraction('-35/4'), Fraction('3.1415'), Fraction('-47e-2'), Fraction(' 1_000.5 '), Fraction('.25'), Fraction('2e3'))
print(Fraction(0.5), Fraction(1.1), Fraction(2.25), Fraction(-0.0), Fraction(5e-324) * 2**1074)
print(Fraction.from_float(0.1), Fraction.from_float(0.1).limit_denominator(), Fraction(0.1).limit_denominator(10))
print(Fraction('3.141592653589793').limit_denominator(10), Fraction(math.pi).limit_denominator(100), Fraction(4321, 8765).limit_denominator(10000))
print(1 + a, 2 - a, 3 * a, 1 / a, 2 ** Fraction(1, 2), 4 ** Fraction(2), a + 0.5, 0.5 * a, a ** 0.5)
print(Fraction(7, 2) // 2, Fraction(7, 2) % Fraction(2, 3), divmod(Fraction(7, 2), 1), 7 // Fraction(2, 3), 7 % Fraction(2, 3))
print(a == Fraction(2, 6), a == 1 / 3, Fraction(1, 2) == 0.5, Fraction(3) == 3, 0.25 == Fraction(1, 4))
print(a < b, a > b, a <= 0.34, 1 > a, sorted([Fraction(3, 4), 0.5, Fraction(1, 8), 1]), max(a, b), min(a, 0.2))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(4, 2)) == hash(2), hash(a), hash(-a), hash(Fraction(10**30, 7)))
print(len({Fraction(1, 2), Fraction(2, 4), Fraction(3, 6)}), Fraction(1, 2) in {Fraction(1, 2): 'half'})
print(float(a), int(Fraction(-7, 2)), bool(Fraction(0)), bool(a), float(Fraction(10**400, 10**399)), float(Fraction(1, 3 * 10**300)))
print(a.numerator, a.denominator, Fraction(6, 4).as_integer_ratio(), Fraction(4, 2).is_integer(), a.is_integer())
print(Fraction(7, 2).__floor__(), Fraction(7, 2).__ceil__(), Fraction(-7, 2).__trunc__(), Fraction(5, 2).__round__(), Fraction(22, 7).__round__(3))
print(sum([Fraction(1, n) for n in range(1, 11)]), sum(Fraction(1, 2**n) for n in range(1, 20)))
print(f'{a:.5f}', f'{Fraction(2, 3):e}', f'{Fraction(1, 7):.3%}', f'{Fraction(-22, 7):>12.4f}|', f'{Fraction(10**8, 3):,.2f}')
print(f'{a:g}', format(Fraction(1, 8), '010.3f'), f'{Fraction(5, 2)}', f'{Fraction(123456, 7):_.3e}', f'{a:*^15.4g}', f'{Fraction(-1, 10**9):z.2f}')
print(str(Fraction(3, 1)), str(Fraction(-3, 4)), a.real, a.imag, a.conjugate())

for bad in ['1/0', 'abc', '1.5/2', '', '3/', '1__0', '1.2.3', '/2']:
    try:
        print(Fraction(bad))
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
for call in [lambda: Fraction(1, 0), lambda: Fraction(1.5, 2), lambda: Fraction([1]), lambda: a / 0,
             lambda: Fraction(0) ** -1, lambda: a.limit_denominator(0), lambda: f'{a:d}', lambda: f'{a:<010f}',
             lambda: Fraction.from_float('0.5'), lambda: Fraction(float('inf')), lambda: Fraction(float('nan')),
             lambda: a + 'x', lambda: a < 'x']:
    try:
        print(call())
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)

print(Fraction(3, 4) + None)

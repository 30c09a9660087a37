# decimal.Decimal as tutorials use it: construction from strings, ints, floats (exact) and tuples,
# repr/str/to_eng_string, arithmetic mixed with ints, comparisons with ints, floats and Fractions,
# hashes equal to int/float/Fraction hashes, conversions (int, float, round, as_tuple, ratios),
# sqrt/ln/exp/log10/powers, divmod and the sign rules of // and %, and the conversion errors.
from decimal import Decimal, getcontext, InvalidOperation
from fractions import Fraction

print(Decimal('1.10'), repr(Decimal('1.10')), Decimal(10), Decimal(-7), Decimal(), Decimal(' 3.14 \n'), Decimal('1_000.5'))
print(Decimal(0.1))
print(Decimal(1.1), Decimal(2.5), Decimal(-0.0), Decimal(float('inf')), Decimal(float('nan')))
print(Decimal.from_float(0.375), Decimal((0, (3, 1, 4), -2)), Decimal((1, (1, 0), 3)), Decimal([0, [5], 'F']))
print([repr(Decimal(s)) for s in ['1e10', '1E+10', '123e2', '1e-7', '0.000001', '-0', 'nan', '-sNaN12', 'Infinity', '0e-10', '-1.5E-9']])
print([Decimal(s).to_eng_string() for s in ['1e10', '123e2', '1e-7', '0e-10', '-12345e-3']])
print(str(Decimal('0.1') + Decimal('0.2')), 0.1 + 0.2, Decimal('0.1') + Decimal('0.2') == Decimal('0.3'))

a, b = Decimal('7.25'), Decimal('-2')
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, +b, abs(b), a ** 2, b ** -2, divmod(a, b))
print(a + 1, 3 * a, 10 / Decimal(4), Decimal(10) / 4, 2 ** Decimal(10), True + Decimal('0.5'), 7 // Decimal(2), 7 % Decimal('-2'))
print(Decimal(-7) // 2, Decimal(-7) % 2, -7 // 2, -7 % 2, divmod(Decimal(-7), Decimal(2)), Decimal('7.5') % Decimal('0.2'))
print(Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal('123456789012345678901234567890') * Decimal('987654321'))
print(sum([Decimal('0.1')] * 10), sum([0.1] * 10), sum(Decimal(n) / 100 for n in range(1, 11)))
print(Decimal(2).sqrt(), Decimal(1).exp(), Decimal(10).ln(), Decimal(1000).log10(), Decimal('0.5').logb(), Decimal(16).sqrt())
print(Decimal(2) ** Decimal('0.5'), Decimal('1.1') ** 2, Decimal(0).ln(), Decimal('1.5').fma(2, Decimal('0.25')))
print(Decimal(10).compare(Decimal(2)), Decimal('2.0').compare_total(Decimal(2)), Decimal(1).max(Decimal('1.0')), Decimal(-3).min_mag(2))
print(Decimal('1.5').copy_sign(Decimal(-1)), Decimal(-1).copy_abs(), Decimal(5).copy_negate(), Decimal('-0').is_signed())

print(Decimal(1) == 1, Decimal('1.0') == 1, Decimal('0.5') == 0.5, Decimal('0.1') == 0.1, Decimal(1) < 2, Decimal(2) > 1.5)
print(Decimal('0.5') == Fraction(1, 2), Decimal('0.3') < Fraction(1, 3), Decimal(1) != 'a', Decimal('nan') == Decimal('nan'))
print(sorted([Decimal('1.1'), 1, 0.5, Decimal('0.7'), Fraction(3, 4)]), max(Decimal(1), Decimal('1.0')), min(Decimal('1.0'), Decimal(1)))
print([hash(Decimal(x)) for x in ['1.5', '-1', '0.1', '1e100', '-0', 'inf', '-inf', '123.456e-30', '10']])
print(hash(Decimal('1.5')) == hash(1.5), hash(Decimal(7)) == hash(7), hash(Decimal('0.25')) == hash(Fraction(1, 4)))
print(len({Decimal('1'), Decimal('1.0'), Decimal('1.00')}), Decimal(1) in {1, 2}, {Decimal('2.50'): 'x'}[Decimal('2.5')])

d = Decimal('-1234.5678')
print(int(d), float(d), round(d), round(d, 2), round(d, -2), round(Decimal('2.5')), round(Decimal('3.5')), bool(Decimal(0)), bool(d))
print(d.as_tuple(), Decimal('-inf').as_tuple(), Decimal('nan123').as_tuple(), d.as_integer_ratio(), Decimal('0.00').as_integer_ratio())
print(d.adjusted(), d.sign if hasattr(d, 'sign') else 'no sign', d.as_tuple().exponent, Decimal('1.200').normalize(), Decimal('120e3').normalize())
print(d.is_finite(), Decimal('inf').is_infinite(), Decimal('nan').is_nan(), Decimal('snan').is_snan(), Decimal(0).is_zero(), Decimal(1).is_normal())
print([Decimal(x).number_class() for x in ['1', '-1', '0', '-0', 'inf', '-inf', 'nan', 'snan']])
print(Decimal('1.5').real, Decimal('1.5').imag, Decimal(3).conjugate(), Decimal(1).radix(), Decimal('1.5').scaleb(3), Decimal(12345).shift(2))
print(Decimal(3).next_plus(), Decimal(3).next_minus(), Decimal(10).remainder_near(6), Decimal('1.50').same_quantum(Decimal('2.25')))
print(Decimal(3).sqrt() * Decimal(3).sqrt(), getcontext().prec, type(Decimal(1)), type(Decimal(1) + 1).__name__)


class Money(Decimal):
    pass


m = Money('9.99')
print(repr(m), type(m).__name__, type(m + 1).__name__, isinstance(m, Decimal))

for bad in ['abc', '1.2.3', '', '1e', '--1', '0x10', 'Infinityy']:
    try:
        print(Decimal(bad))
    except InvalidOperation as e:
        print(bad, '->', type(e).__name__, e)
for bad in [None, [1, 2], (0, (1, 12), -1), (3, (1,), 0), (0, (1,), 1.5), (0, (1,), 'x'), {'a': 1}, Fraction(1, 3)]:
    try:
        print(Decimal(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for call in [lambda: int(Decimal('inf')), lambda: int(Decimal('nan')), lambda: round(Decimal('-inf')),
             lambda: float(Decimal('snan')), lambda: hash(Decimal('snan')), lambda: Decimal('inf').as_integer_ratio(),
             lambda: Decimal('nan').as_integer_ratio(), lambda: Decimal.from_float('1.5'), lambda: round(Decimal(1), 'x'),
             lambda: Decimal(1).compare(1.5), lambda: Decimal(2).quantize('0.1'), lambda: Decimal('nan') < 1,
             lambda: Decimal(-1).sqrt(), lambda: Decimal(1) / 0, lambda: Decimal(0) / 0, lambda: Decimal(5) % 0,
             lambda: divmod(Decimal('1e40'), 3), lambda: Decimal(-8) ** Decimal('0.5'), lambda: Decimal(2).sqroot(),
             lambda: getcontext().precision, lambda: Money(1).cents, lambda: hasattr(Decimal(1), 'numerator')]:
    try:
        print(call())
    except (ArithmeticError, TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e, isinstance(e, ZeroDivisionError))

Decimal('12,50')

# fractions for an exact schedule: evenly spaced start times that floats would round.
from fractions import Fraction

slots = [Fraction(i, 3) for i in range(7)]
print(slots[1] + slots[2], sum(slots), [str(s) for s in slots[:4]])
print(float(sum(slots[:3])), sum(1 / 3 for _ in range(3)), Fraction(1, 3) * 3 == 1)
print(Fraction('0.125'), Fraction(0.1).limit_denominator(100), Fraction(7, -21), round(Fraction(5, 2)))
print(sorted([Fraction(2, 3), Fraction(1, 2), 0.6]), Fraction(3, 4).as_integer_ratio(), f'{Fraction(1, 7):.5f}')
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)

# Fractions in the small exact-arithmetic programs tutorials write: 0.1 + 0.2 done exactly, scaling
# a recipe, Egyptian fractions, continued-fraction convergents of pi, a running average, Fractions
# in dataclass fields and sorted records; a bad ingredient string ends it with a ZeroDivisionError.
from fractions import Fraction
from dataclasses import dataclass
import math

print(0.1 + 0.2 == 0.3, Fraction('0.1') + Fraction('0.2') == Fraction('0.3'), Fraction(0.1) + Fraction(0.2))

recipe = {'flour': '2 1/4', 'sugar': '3/4', 'butter': '1/2', 'eggs': '2'}

def parse_amount(text):
    total = Fraction(0)
    for part in text.split():
        total += Fraction(part)
    return total

for factor in (Fraction(1, 2), Fraction(3, 2), 3):
    scaled = {k: parse_amount(v) * factor for k, v in recipe.items()}
    print(factor, ', '.join(f'{k}={v}' for k, v in scaled.items()))

def egyptian(fr):
    parts = []
    while fr.numerator:
        d = -(-fr.denominator // fr.numerator)
        parts.append(Fraction(1, d))
        fr -= Fraction(1, d)
    return parts

print(' + '.join(map(str, egyptian(Fraction(4, 13)))), sum(egyptian(Fraction(4, 13))) == Fraction(4, 13))

def convergents(x, n):
    out, h0, h1, k0, k1 = [], 0, 1, 1, 0
    fr = Fraction(x)
    for _ in range(n):
        a = fr.numerator // fr.denominator
        h0, h1 = h1, a * h1 + h0
        k0, k1 = k1, a * k1 + k0
        out.append(Fraction(h1, k1))
        fr -= a
        if not fr:
            break
        fr = 1 / fr
    return out

for c in convergents(math.pi, 6):
    print(c, f'{float(c):.12f}', f'{abs(float(c) - math.pi):.3e}')

total, count = Fraction(0), 0
for score in [Fraction(7, 2), 4, Fraction(9, 4), 5]:
    total += score
    count += 1
    print('running average', total / count, f'{total / count:.3f}')

@dataclass(order=True)
class Share:
    fraction: Fraction
    name: str

shares = sorted([Share(Fraction(1, 3), 'ann'), Share(Fraction(1, 4), 'bob'), Share(Fraction(5, 12), 'cy')])
print([f'{s.name}:{s.fraction}' for s in shares], sum(s.fraction for s in shares))
print(Fraction(1, 3) * 3 == 1, Fraction(2, 3).limit_denominator(2), Fraction(355, 113) - Fraction(math.pi))

print(parse_amount('1 1/0'))

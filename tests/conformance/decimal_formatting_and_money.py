# decimal for money as tutorials do it: prices and taxes rounded to cents with quantize and
# ROUND_HALF_UP, splitting a bill, compound interest, totals gathered from asyncio tasks; then
# str.format / f-string specs on Decimals (fixed, exponent, general, percent, thousands, fill and
# align, sign, z, n) and the invalid specs.
import asyncio
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, localcontext, getcontext

CENTS = Decimal('0.01')
prices = {'coffee': Decimal('3.45'), 'bagel': Decimal('2.10'), 'juice': Decimal('4.99')}
subtotal = sum(prices.values())
tax = (subtotal * Decimal('0.0825')).quantize(CENTS, rounding=ROUND_HALF_UP)
total = subtotal + tax
print(subtotal, tax, total, repr(total))
print(f'Subtotal: ${subtotal:>8}\nTax:      ${tax:>8}\nTotal:    ${total:>8.2f}')
for name, price in sorted(prices.items()):
    print(f'{name:<10}{price:>10,.2f}{price * 3:>10}')

share = (total / 3).quantize(CENTS, rounding=ROUND_DOWN)
remainder = total - share * 3
print(share, remainder, [share + CENTS if i < remainder / CENTS else share for i in range(3)])

principal, rate = Decimal('1000.00'), Decimal('0.05')
balance = principal
for year in range(1, 6):
    balance = (balance * (1 + rate)).quantize(CENTS, rounding=ROUND_HALF_UP)
    print(year, balance, f'{balance - principal:+,.2f}')
print((principal * (1 + rate / 12) ** 60).quantize(CENTS), (principal * (1 + rate) ** 10).quantize(CENTS, ROUND_CEILING))
with localcontext(prec=4):
    print(Decimal('1') / Decimal('3') * 100, Decimal('2').sqrt())
print(Decimal('19.99') * 3, Decimal('0.1') * 3 == Decimal('0.3'), 0.1 * 3 == 0.3, Decimal('100') / Decimal('7'))


async def price_with_tax(name, price, delay):
    await asyncio.sleep(delay)
    return name, (price * Decimal('1.2')).quantize(CENTS, rounding=ROUND_HALF_UP)


async def main():
    results = await asyncio.gather(*(price_with_tax(n, p, d / 100) for d, (n, p) in enumerate(sorted(prices.items()))))
    for name, price in results:
        print(f'{name}: {price}')
    return sum(p for _, p in results)

print('total with VAT', asyncio.run(main()), getcontext().prec)

x = Decimal('1234567.891')
for spec in ['', '.2f', ',.2f', '>20', '<20.3e', '^20', '+.1%', 'g', '.3g', 'E', '010.2f', '.0f', ',', 'e', '%', 'G',
             '.0e', '=+15,.1f', '*^15', '015,.2f', ' .3', '.30f', '.1e', '.0g', '.0%', '+', '-', ' ', 'n', '08n', 'F', '.2F']:
    print(repr(spec), repr(format(x, spec)))
for value in ['0', '-0.0', '1e-10', '123e30', 'inf', '-nan', '0.5', '100', '1.23456789e-5', '-0.0001']:
    d = Decimal(value)
    print(value, [format(d, s) for s in ['', 'f', 'g', 'e', '.2', '.2%', '10.3G', 'z.2f', '+,']])
print('{:.3f} {:>8} {!r} {!s} {:,}'.format(Decimal('2.71828'), Decimal('1.5'), Decimal('7'), Decimal('1e3'), Decimal('1e6')))
print('%s %r %-6s|' % (Decimal('1.10'), Decimal('1.10'), Decimal('2.5')))
for spec in ['x', 'd', '#.2f', '_', ',_', '<05', '.f', '10.2q', ',n']:
    try:
        print(format(Decimal('1.5'), spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)

print(f'{Decimal("12.5"):#>10.2f}')
print('Total:', total.quantize(CENTS, rounding='HALF_UP'))

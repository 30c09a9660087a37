# decimal for money in an order pipeline: exact sums, quantize to cents with banker's and
# half-up rounding, and the float comparison it avoids.
import asyncio
from decimal import Decimal, ROUND_HALF_UP, getcontext

PRICES = {'tea': Decimal('2.35'), 'cake': Decimal('3.10'), 'jam': Decimal('0.05')}

async def order(items, delay):
    await asyncio.sleep(delay)
    return sum((PRICES[i] for i in items), Decimal('0'))

async def main():
    totals = await asyncio.gather(order(['tea', 'cake'], 0.2), order(['jam'] * 3, 0.1))
    print(totals, sum(totals))
    vat = sum(totals) * Decimal('0.19')
    print(vat, vat.quantize(Decimal('0.01')), vat.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))
    print(0.1 + 0.2 == 0.3, Decimal('0.1') + Decimal('0.2') == Decimal('0.3'), getcontext().prec)
    print(f'{sum(totals):>10.2f}|{Decimal("1234.5"):,.2f}')

asyncio.run(main())

# decimal contexts: getcontext().prec and .rounding, the eight rounding modes with quantize and
# to_integral, localcontext() (with keywords, nested, restored after errors), Context objects and
# their methods, the pre-made contexts, setcontext, flags and traps (their reprs, clearing, signals
# raised when trapped, NaN/Infinity results when not), Emax/Emin limits, and the checks on attributes.
import decimal
from decimal import (Decimal, Context, getcontext, setcontext, localcontext, BasicContext, ExtendedContext,
                     DefaultContext, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
                     ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP, Inexact, Rounded, InvalidOperation,
                     DivisionByZero, Overflow, Underflow, Subnormal, Clamped, FloatOperation)

ctx = getcontext()
print(ctx)
print(ctx.prec, ctx.rounding, ctx.Emin, ctx.Emax, ctx.capitals, ctx.clamp, ctx.Etiny(), ctx.Etop())
print(Decimal(1) / Decimal(7))
ctx.prec = 6
print(Decimal(1) / Decimal(7), Decimal('3.14159265') + 0, +Decimal('123456789'), Decimal('123456789'))
print(ctx.flags[Inexact], ctx.flags[Rounded], ctx.flags[DivisionByZero], ctx.traps[DivisionByZero], ctx.traps[Inexact])
print(ctx.flags)
print(ctx)
ctx.clear_flags()
ctx.prec = 28

modes = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
values = ['2.5', '3.5', '-2.5', '2.51', '-2.49', '2.05', '2.15', '1.00', '-0.5', '0.01']
for mode in modes:
    print(f'{mode:16}', [str(Decimal(v).quantize(Decimal('0.1'), rounding=mode)) for v in values],
          [str(Decimal(v).to_integral_value(rounding=mode)) for v in values[:5]])
print(Decimal('7.325').quantize(Decimal('.01'), rounding=ROUND_DOWN), Decimal('7.325').quantize(Decimal('1.'), rounding=ROUND_UP))
print(Decimal('1.41421356').quantize(Decimal('1.000')), Decimal('2.675').quantize(Decimal('0.01')), Decimal('1.5').quantize(Decimal('1e1')))
print(Decimal('2.5').to_integral_exact(rounding=ROUND_HALF_UP), Decimal('1e5').to_integral(), Decimal('-0.5').to_integral())
ctx.rounding = ROUND_HALF_UP
print(Decimal(2) / 3, round(Decimal('2.5')), round(Decimal('0.125'), 2), Decimal('0.125').quantize(Decimal('0.01')))
ctx.rounding = ROUND_HALF_EVEN

with localcontext() as lc:
    lc.prec = 5
    print(Decimal(1) / 3, getcontext() is lc, getcontext().prec)
    with localcontext(prec=3, rounding=ROUND_DOWN) as inner:
        print(Decimal(2) / 3, inner.prec, inner.rounding)
    print(Decimal(2) / 3)
print(Decimal(1) / 3, getcontext().prec)
with localcontext(ExtendedContext) as ext:
    print(ext.prec, Decimal(1) / 0, Decimal(0) / 0, Decimal(-1).sqrt(), Decimal('abc'), Decimal(1) / 3)
    print(ext.flags[DivisionByZero], ext.flags[InvalidOperation])
    print(ext)
print(ExtendedContext.flags[DivisionByZero], getcontext().flags[DivisionByZero])
try:
    with localcontext(prec=4):
        print(Decimal(10) / 3)
        Decimal(1) / 0
except DivisionByZero as e:
    print('caught', repr(e), getcontext().prec)
with localcontext(traps=[Inexact]) as strict:
    print(strict.traps[Inexact], Decimal('1.5') * 2)
    try:
        Decimal(1) / 3
    except Inexact as e:
        print('Inexact', e, strict.flags[Rounded])
with localcontext(Context(prec=8, Emax=99, Emin=-99, traps=[Overflow, Underflow, Inexact])) as small:
    for call in [lambda: Decimal('9.9e99') * 10, lambda: Decimal('1e-99') / 10**8, lambda: Decimal(2) / 3]:
        try:
            print(call())
        except decimal.DecimalException as e:
            print(type(e).__name__, e)
    print(small)

c = Context(prec=10, rounding=ROUND_FLOOR)
print(c)
print(c.add(Decimal(1), Decimal('0.00000000001')), c.divide(Decimal(-2), Decimal(3)), c.sqrt(Decimal(2)), c.power(2, 100))
print(c.create_decimal('3.14159265358979323846'), c.create_decimal_from_float(0.1), c.multiply(7, Decimal('1.1')), c.abs(Decimal(-4)))
print(c.compare(Decimal(1), Decimal(2)), c.max(3, Decimal(4)), c.quantize(Decimal('1.2345'), Decimal('0.01')), c.to_sci_string(Decimal('1e3')))
print(c.exp(Decimal(1)), c.ln(Decimal(2)), c.log10(Decimal(2)), c.is_zero(Decimal(0)), c.minus(Decimal(5)), c.plus(Decimal('-0')))
print(c.divmod(Decimal(7), Decimal(2)), c.remainder(Decimal(7), Decimal(-2)), c.divide_int(Decimal(7), Decimal(2)), c.copy_sign(1, -2))
print(c.copy() is c, c.copy().prec, c.flags[Inexact], c.traps == DefaultContext.traps, Context(traps=[]).traps == ExtendedContext.traps)
c.clear_traps()
print(c, c.divide(1, 0))
print(BasicContext)
print(ExtendedContext)
print(Context(Emin=-5, Emax=5, capitals=0, clamp=1, flags=[Inexact], traps=[Clamped]))
print(Context(capitals=0).create_decimal('1e10'), Context(capitals=1).create_decimal('1e10'))
print(dict(getcontext().traps) == {s: s in (InvalidOperation, DivisionByZero, Overflow) for s in getcontext().traps})
print(list(getcontext().flags), len(getcontext().traps), Inexact in getcontext().traps, 'x' in getcontext().traps)
print(getcontext().flags.copy())
print(isinstance(Overflow(), ArithmeticError), issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError))
print([cls.__name__ for cls in Underflow.__mro__], issubclass(decimal.ConversionSyntax, InvalidOperation))

setcontext(BasicContext)
print(getcontext() is BasicContext, getcontext().prec, Decimal(2) / 3)
try:
    Decimal('1e-999999') / 10
except Underflow as e:
    print('Underflow', e)
setcontext(Context(prec=12))
print(getcontext(), Decimal(22) / 7)
setcontext(DefaultContext)
print(Decimal(22) / 7)

with localcontext() as lc:
    lc.traps[FloatOperation] = True
    print(Decimal('1.5') == 1.5, Decimal.from_float(1.5), lc.create_decimal_from_float(0.5))
    for call in [lambda: Decimal(1.5), lambda: Decimal(1) < 1.5, lambda: lc.create_decimal(0.5)]:
        try:
            print(call())
        except FloatOperation as e:
            print('FloatOperation', e, isinstance(e, TypeError))
    print(lc.flags[FloatOperation], lc)

for name, value in [('prec', 0), ('prec', 'x'), ('prec', 2.5), ('rounding', 'ROUND_SIDEWAYS'), ('rounding', 1), ('Emax', -1),
                    ('Emin', 1), ('capitals', 2), ('clamp', -1), ('foo', 1), ('traps', [Inexact]), ('flags', {Inexact: True}),
                    ('traps', None)]:
    try:
        setattr(getcontext(), name, value)
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        print(name, type(e).__name__, e)
for call in [lambda: Context(prec=-1), lambda: Context(foo=1), lambda: Context(traps=['x']), lambda: Context(flags={Inexact: 1}),
             lambda: localcontext(1), lambda: localcontext(bar=2), lambda: setcontext(None), lambda: getcontext().flags['x'],
             lambda: getcontext().traps.__delitem__(Inexact), lambda: delattr(getcontext(), 'prec'),
             lambda: Decimal('1.2').quantize(Decimal('0.1'), rounding='nearest'), lambda: Decimal(1).quantize(Decimal('1e-30')),
             lambda: Decimal('inf').quantize(Decimal(1))]:
    try:
        print(call())
    except (ArithmeticError, TypeError, ValueError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
print(getcontext())

getcontext().prec = 3
Decimal(10) ** 1000000 * Decimal(10) ** 1000000

# math: the functions beyond the basics, ints exact, the errors CPython raises.
import math
print(math.floor(1e300) == int(1e300), math.ceil(-2.5), math.trunc(-2.7), math.trunc(10**30), math.floor(2**70))
print(math.asin(1), math.acos(0.5), math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.expm1(1e-10), math.log1p(1e-10), math.degrees(math.pi), math.radians(180), math.isfinite(1.0), math.copysign(3, -0.0))
print(math.isqrt(10**30 + 5), math.lcm(4, 6, 10), math.comb(50, 7), math.perm(10, 3), math.perm(5), math.dist((0, 0), (3, 4)), math.exp2(10))
for f, a in [(math.floor, float("inf")), (math.floor, float("nan")), (math.acos, 2), (math.isqrt, -1), (round, float("nan")), (int, float("-inf"))]:
    try: print(f(a))
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
try: math.fmod(1, 0)
except ValueError as e: print(e)

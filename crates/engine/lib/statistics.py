# Port of CPython 3.12 Lib/statistics.py (PSF licence). Natives: none.
# Differs: no decimal (Decimal data are not supported); math.sumprod, math.hypot and math.erf, which the engine's
# math lacks or rounds otherwise, are ported here from CPython 3.12's mathmodule.c (sumprod, vector_norm) and glibc 2.36's
# s_erf.c (what CPython's math.erf calls on Linux); floats' exact ratios come from fractions' helper (the engine's
# float has no as_integer_ratio) and big-int ratios are converted to float by it (correctly rounded); docstrings
# are cut to their first line; fsum and log convert Fractions first (the engine's math does not call __float__).
__all__ = [
    'NormalDist',
    'StatisticsError',
    'correlation',
    'covariance',
    'fmean',
    'geometric_mean',
    'harmonic_mean',
    'linear_regression',
    'mean',
    'median',
    'median_grouped',
    'median_high',
    'median_low',
    'mode',
    'multimode',
    'pstdev',
    'pvariance',
    'quantiles',
    'stdev',
    'variance',
]

import math
import random

from fractions import Fraction, _float_as_integer_ratio, _int_true_divide
from itertools import count, groupby, repeat
from bisect import bisect_left, bisect_right
from math import sqrt, fabs, exp, tau
from math import log as _math_log, fsum as _math_fsum
from functools import reduce
from operator import itemgetter
from collections import Counter, namedtuple, defaultdict


# === fsum and log as math's: the engine's math functions do not call __float__ (Fraction data) ===

def _float_arg(x):
    if type(x) is float or type(x) is int:
        return x
    to_float = getattr(type(x), '__float__', None)
    return to_float(x) if to_float is not None else x


def fsum(iterable):
    return _math_fsum(map(_float_arg, iterable))


def log(x, *base):
    return _math_log(_float_arg(x), *base)


# === math.sumprod and math.erf (the engine's math module has neither) ===

# sumprod: CPython 3.12 Modules/mathmodule.c's math_sumprod_impl, path for path: exact ints in a C long,
# then floats (and float/int pairs) in a triple-length accumulator, then plain arithmetic.

_LONG_MAX = (1 << 63) - 1
_LONG_MIN = -(1 << 63)
_DOUBLE_LIMIT = (1 << 1024) - (1 << 970)  # ints at least this large overflow PyLong_AsDouble
_STOP = object()


def _dl_sum(a, b):
    # Algorithm 3.1 Error-free transformation of the sum
    x = a + b
    z = x - a
    y = (a - (x - z)) + (b - z)
    return x, y


def _dl_mul(x, y):
    # Algorithm 3.5. Error-free transformation of a product: (x*y, fma(x, y, -x*y)). The error term is
    # Veltkamp-Dekker's where no step can overflow or underflow, else computed exactly.
    z = x * y
    if not math.isfinite(z):
        return z, 0.0
    ax, ay = fabs(x), fabs(y)
    if (ax == 0.0 or 2.0 ** -450 < ax < 2.0 ** 450) and (ay == 0.0 or 2.0 ** -450 < ay < 2.0 ** 450):
        t = x * 134217729.0  # Veltkamp constant = 2.0 ** 27 + 1
        xh = t - (t - x)
        xl = x - xh
        t = y * 134217729.0
        yh = t - (t - y)
        yl = y - yh
        return z, ((xh * yh - z) + xh * yl + xl * yh) + xl * yl
    nx, dx = _float_as_integer_ratio(x)
    ny, dy = _float_as_integer_ratio(y)
    nz, dz = _float_as_integer_ratio(z)
    return z, _int_true_divide(nx * ny * dz - nz * dx * dy, dx * dy * dz)


def _tl_fma(x, y, total):
    # Algorithm 5.10 with SumKVert for K=3
    hi, lo, tiny = total
    pr_hi, pr_lo = _dl_mul(x, y)
    sm_hi, sm_lo = _dl_sum(hi, pr_hi)
    r1_hi, r1_lo = _dl_sum(lo, pr_lo)
    r2_hi, r2_lo = _dl_sum(r1_hi, sm_lo)
    return sm_hi, r2_hi, tiny + r1_lo + r2_lo


def _tl_to_d(total):
    hi, lo, tiny = total
    last_hi, last_lo = _dl_sum(lo, hi)
    return tiny + last_lo + last_hi


def _long_as_double(v):
    # PyLong_AsDouble for an int or bool: None where it overflows.
    if -_DOUBLE_LIMIT < v < _DOUBLE_LIMIT:
        return float(v)
    return None


def sumprod(p, q):
    p_it = iter(p)
    q_it = iter(q)
    total = 0
    int_path_enabled, int_total_in_use = True, False
    flt_path_enabled, flt_total_in_use = True, False
    int_total = 0
    flt_total = (0.0, 0.0, 0.0)
    while True:
        p_i = next(p_it, _STOP)
        q_i = next(q_it, _STOP)
        p_stopped = p_i is _STOP
        q_stopped = q_i is _STOP
        if p_stopped != q_stopped:
            raise ValueError("Inputs are not the same length")
        finished = p_stopped and q_stopped

        if int_path_enabled:
            if not finished and type(p_i) is int and type(q_i) is int:
                if _LONG_MIN <= p_i <= _LONG_MAX and _LONG_MIN <= q_i <= _LONG_MAX:
                    int_prod = p_i * q_i
                    if (_LONG_MIN <= int_prod <= _LONG_MAX
                            and _LONG_MIN <= int_total + int_prod <= _LONG_MAX):
                        int_total += int_prod
                        int_total_in_use = True
                        continue
            # We're finished, overflowed, or have a non-int
            int_path_enabled = False
            if int_total_in_use:
                total = total + int_total
                int_total = 0
                int_total_in_use = False

        if flt_path_enabled:
            if not finished:
                flt_p = flt_q = None
                p_type_float = type(p_i) is float
                q_type_float = type(q_i) is float
                if p_type_float and q_type_float:
                    flt_p, flt_q = p_i, q_i
                elif p_type_float and (type(q_i) is int or type(q_i) is bool):
                    flt_p, flt_q = p_i, _long_as_double(q_i)
                elif q_type_float and (type(p_i) is int or type(p_i) is bool):
                    flt_p, flt_q = _long_as_double(p_i), q_i
                if flt_p is not None and flt_q is not None:
                    new_flt_total = _tl_fma(flt_p, flt_q, flt_total)
                    if math.isfinite(new_flt_total[0]):
                        flt_total = new_flt_total
                        flt_total_in_use = True
                        continue
            # We're finished, overflowed, have a non-float, or got a non-finite value
            flt_path_enabled = False
            if flt_total_in_use:
                total = total + _tl_to_d(flt_total)
                flt_total = (0.0, 0.0, 0.0)
                flt_total_in_use = False

        if finished:
            return total
        total = total + p_i * q_i


# hypot: CPython 3.12's math_hypot and vector_norm (the engine's hypot is the C library's, which rounds
# differently in the last place).

_DBL_MIN = 2.2250738585072014e-308


def _frexp_exponent(x):
    # frexp(x)[1] for a finite x > 0 (the engine's frexp gets subnormals wrong).
    if x < _DBL_MIN:
        return math.frexp(x * 18446744073709551616.0)[1] - 64
    return math.frexp(x)[1]


def _vector_norm(vec, max, found_nan):
    if math.isinf(max):
        return max
    if found_nan:
        return math.nan
    if max == 0.0 or len(vec) <= 1:
        return max
    max_e = _frexp_exponent(max)
    if max_e < -1023:
        # When max_e < -1023, ldexp(1.0, -max_e) would overflow.
        return _DBL_MIN * _vector_norm([x / _DBL_MIN for x in vec], max / _DBL_MIN, found_nan)
    scale = math.ldexp(1.0, -max_e)
    csum, frac1, frac2 = 1.0, 0.0, 0.0
    for x in vec:
        x *= scale                              # lossless scaling
        pr_hi, pr_lo = _dl_mul(x, x)            # lossless squaring
        sm_hi = csum + pr_hi                    # lossless addition (dl_fast_sum)
        sm_lo = (csum - sm_hi) + pr_hi
        csum = sm_hi
        frac1 += pr_lo                          # lossy addition
        frac2 += sm_lo                          # lossy addition
    h = sqrt(csum - 1.0 + (frac1 + frac2))
    pr_hi, pr_lo = _dl_mul(-h, h)
    sm_hi = csum + pr_hi
    sm_lo = (csum - sm_hi) + pr_hi
    csum = sm_hi
    frac1 += pr_lo
    frac2 += sm_lo
    x = csum - 1.0 + (frac1 + frac2)
    h += x / (2.0 * h)                          # differential correction
    return h / scale


def hypot(*coordinates):
    vec = [fabs(float(_float_arg(x))) for x in coordinates]
    max = 0.0
    found_nan = False
    for x in vec:
        found_nan |= x != x
        if x > max:
            max = x
    return _vector_norm(vec, max, found_nan)

# erf: glibc 2.36 sysdeps/ieee754/dbl-64/s_erf.c's __erf (Sun's fdlibm, as modified by Naohiko Shimizu),
# operation for operation; its tests of the high word are comparisons of |x| with those words' doubles.

_erx = 8.45062911510467529297e-01
_efx = 1.28379167095512586316e-01
_pp = (1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
       -5.77027029648944159157e-03, -2.37630166566501626084e-05)
_qq = (0.0, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
       1.32494738004321644526e-04, -3.96022827877536812320e-06)
_pa = (-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
       3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
       -2.16637559486879084300e-03)
_qa = (0.0, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
       1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02)
_ra = (-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
       -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
       -8.12874355063065934246e+01, -9.81432934416914548592e+00)
_sa = (0.0, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
       6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
       6.57024977031928170135e+00, -6.04244152148580987438e-02)
_rb = (-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
       -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
       -4.83519191608651397019e+02)
_sb = (0.0, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
       3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
       -2.24409524465858183362e+01)


def erf(x):
    x = float(x)
    if math.isnan(x) or math.isinf(x):              # erf(nan)=nan
        return float(1 - (2 if x < 0 else 0)) + 1.0 / x  # erf(+-inf)=+-1
    ax = fabs(x)
    positive = math.copysign(1.0, x) > 0            # hx >= 0
    if ax < 0.84375:                                # |x|<0.84375
        if ax < 3.725290298461914e-09:              # |x|<2**-28
            if ax < 2.848094538889218e-306:
                # Avoid spurious underflow.
                return 0.0625 * (16.0 * x + (16.0 * _efx) * x)
            return x + _efx * x
        z = x * x
        r1 = _pp[0] + z * _pp[1]; z2 = z * z
        r2 = _pp[2] + z * _pp[3]; z4 = z2 * z2
        s1 = 1.0 + z * _qq[1]
        s2 = _qq[2] + z * _qq[3]
        s3 = _qq[4] + z * _qq[5]
        r = r1 + z2 * r2 + z4 * _pp[4]
        s = s1 + z2 * s2 + z4 * s3
        y = r / s
        return x + x * y
    if ax < 1.25:                                   # 0.84375 <= |x| < 1.25
        s = ax - 1.0
        P1 = _pa[0] + s * _pa[1]; s2 = s * s
        Q1 = 1.0 + s * _qa[1];    s4 = s2 * s2
        P2 = _pa[2] + s * _pa[3]; s6 = s4 * s2
        Q2 = _qa[2] + s * _qa[3]
        P3 = _pa[4] + s * _pa[5]
        Q3 = _qa[4] + s * _qa[5]
        P4 = _pa[6]
        Q4 = _qa[6]
        P = P1 + s2 * P2 + s4 * P3 + s6 * P4
        Q = Q1 + s2 * Q2 + s4 * Q3 + s6 * Q4
        if positive:
            return _erx + P / Q
        else:
            return -_erx - P / Q
    if ax >= 6.0:                                   # inf>|x|>=6
        if positive:
            return 1.0 - 1e-300
        else:
            return 1e-300 - 1.0
    x = ax
    s = 1.0 / (x * x)
    if ax < 2.8571434020996094:                     # |x| < 1/0.35
        R1 = _ra[0] + s * _ra[1]; s2 = s * s
        S1 = 1.0 + s * _sa[1];   s4 = s2 * s2
        R2 = _ra[2] + s * _ra[3]; s6 = s4 * s2
        S2 = _sa[2] + s * _sa[3]; s8 = s4 * s4
        R3 = _ra[4] + s * _ra[5]
        S3 = _sa[4] + s * _sa[5]
        R4 = _ra[6] + s * _ra[7]
        S4 = _sa[6] + s * _sa[7]
        R = R1 + s2 * R2 + s4 * R3 + s6 * R4
        S = S1 + s2 * S2 + s4 * S3 + s6 * S4 + s8 * _sa[8]
    else:                                           # |x| >= 1/0.35
        R1 = _rb[0] + s * _rb[1]; s2 = s * s
        S1 = 1.0 + s * _sb[1];   s4 = s2 * s2
        R2 = _rb[2] + s * _rb[3]; s6 = s4 * s2
        S2 = _sb[2] + s * _sb[3]
        R3 = _rb[4] + s * _rb[5]
        S3 = _sb[4] + s * _sb[5]
        S4 = _sb[6] + s * _sb[7]
        R = R1 + s2 * R2 + s4 * R3 + s6 * _rb[6]
        S = S1 + s2 * S2 + s4 * S3 + s6 * S4
    # z = x with its low word zeroed (SET_LOW_WORD (z, 0)): 21 significant bits.
    e = math.frexp(x)[1]
    z = math.ldexp(float(math.floor(math.ldexp(x, 21 - e))), e - 21)
    r = exp(-z * z - 0.5625) * exp((z - x) * (z + x) + R / S)
    if positive:
        return 1.0 - r / x
    else:
        return r / x - 1.0

_SQRT2 = sqrt(2.0)

# === Exceptions ===

class StatisticsError(ValueError):
    pass


# === Private utilities ===

def _sum(data):
    '_sum(data) -> (type, sum, count)'
    count = 0
    types = set()
    types_add = types.add
    partials = {}
    partials_get = partials.get
    for typ, values in groupby(data, type):
        types_add(typ)
        for n, d in map(_exact_ratio, values):
            count += 1
            partials[d] = partials_get(d, 0) + n
    if None in partials:
        # The sum will be a NAN or INF. We can ignore all the finite
        # partials, and just look at this special one.
        total = partials[None]
        assert not _isfinite(total)
    else:
        # Sum all the partial sums using builtin sum.
        total = sum(Fraction(n, d) for d, n in partials.items())
    T = reduce(_coerce, types, int)  # or raise TypeError
    return (T, total, count)


def _ss(data, c=None):
    'Return the exact mean and sum of square deviations of sequence data.'
    if c is not None:
        T, ssd, count = _sum((d := x - c) * d for x in data)
        return (T, ssd, c, count)
    count = 0
    types = set()
    types_add = types.add
    sx_partials = defaultdict(int)
    sxx_partials = defaultdict(int)
    for typ, values in groupby(data, type):
        types_add(typ)
        for n, d in map(_exact_ratio, values):
            count += 1
            sx_partials[d] += n
            sxx_partials[d] += n * n
    if not count:
        ssd = c = Fraction(0)
    elif None in sx_partials:
        # The sum will be a NAN or INF. We can ignore all the finite
        # partials, and just look at this special one.
        ssd = c = sx_partials[None]
        assert not _isfinite(ssd)
    else:
        sx = sum(Fraction(n, d) for d, n in sx_partials.items())
        sxx = sum(Fraction(n, d*d) for d, n in sxx_partials.items())
        # This formula has poor numeric properties for floats,
        # but with fractions it is exact.
        ssd = (count * sxx - sx * sx) / count
        c = sx / count
    T = reduce(_coerce, types, int)  # or raise TypeError
    return (T, ssd, c, count)


def _isfinite(x):
    try:
        return x.is_finite()  # Likely a Decimal.
    except AttributeError:
        return math.isfinite(x)  # Coerces to float first.


def _coerce(T, S):
    'Coerce types T and S to a common type, or raise TypeError.'
    # See http://bugs.python.org/issue24068.
    assert T is not bool, "initial type T is bool"
    # If the types are the same, no need to coerce anything. Put this
    # first, so that the usual case (no coercion needed) happens as soon
    # as possible.
    if T is S:  return T
    # Mixed int & other coerce to the other type.
    if S is int or S is bool:  return T
    if T is int:  return S
    # If one is a (strict) subclass of the other, coerce to the subclass.
    if issubclass(S, T):  return S
    if issubclass(T, S):  return T
    # Ints coerce to the other type.
    if issubclass(T, int):  return S
    if issubclass(S, int):  return T
    # Mixed fraction & float coerces to float (or float subclass).
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    # Any other combination is disallowed.
    msg = "don't know how to coerce %s and %s"
    raise TypeError(msg % (T.__name__, S.__name__))


def _exact_ratio(x):
    'Return Real number x to exact (numerator, denominator) pair.'

    # XXX We should revisit whether using fractions to accumulate exact
    # ratios is the right way to go.

    # The integer ratios for binary floats can have numerators or
    # denominators with over 300 decimal digits.  The problem is more
    # acute with decimal floats where the default decimal context
    # supports a huge range of exponents from Emin=-999999 to
    # Emax=999999.  When expanded with as_integer_ratio(), numbers like
    # Decimal('3.14E+5000') and Decimal('3.14E-5000') have large
    # numerators or denominators that will slow computation.

    # When the integer ratios are accumulated as fractions, the size
    # grows to cover the full range from the smallest magnitude to the
    # largest.  For example, Fraction(3.14E+300) + Fraction(3.14E-300),
    # has a 616 digit numerator.  Likewise,
    # Fraction(Decimal('3.14E+5000')) + Fraction(Decimal('3.14E-5000'))
    # has 10,003 digit numerator.

    # This doesn't seem to have been problem in practice, but it is a
    # potential pitfall.

    try:
        if type(x) is float:
            return _float_as_integer_ratio(x)
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        # float NAN or INF.
        assert not _isfinite(x)
        return (x, None)
    try:
        # x may be an Integral ABC.
        return (x.numerator, x.denominator)
    except AttributeError:
        msg = f"can't convert type '{type(x).__name__}' to numerator/denominator"
        raise TypeError(msg)


def _convert(value, T):
    'Convert value to given numeric type T.'
    if type(value) is T:
        # This covers the cases where T is Fraction, or where value is
        # a NAN or INF (Decimal or float).
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    # FIXME: what do we do if this overflows?
    return T(value)


def _fail_neg(values, errmsg='negative value'):
    'Iterate over values, failing if any are less than zero.'
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def _rank(data, /, *, key=None, reverse=False, ties='average', start=1) -> list[float]:
    'Rank order a dataset. The lowest value has rank 1.'
    # If this function becomes public at some point, more thought
    # needs to be given to the signature.  A list of ints is
    # plausible when ties is "min" or "max".  When ties is "average",
    # either list[float] or list[Fraction] is plausible.

    # Default handling of ties matches scipy.stats.mstats.spearmanr.
    if ties != 'average':
        raise ValueError(f'Unknown tie resolution method: {ties!r}')
    if key is not None:
        data = map(key, data)
    val_pos = sorted(zip(data, count()), reverse=reverse)
    i = start - 1
    result = [0] * len(val_pos)
    for _, g in groupby(val_pos, key=itemgetter(0)):
        group = list(g)
        size = len(group)
        rank = i + (size + 1) / 2
        for value, orig_pos in group:
            result[orig_pos] = rank
        i += size
    return result


def _integer_sqrt_of_frac_rto(n: int, m: int) -> int:
    'Square root of n/m, rounded to the nearest integer using round-to-odd.'
    # Reference: https://www.lri.fr/~melquion/doc/05-imacs17_1-expose.pdf
    a = math.isqrt(n // m)
    return a | (a*a*m != n)


# For 53 bit precision floats, the bit width used in
# _float_sqrt_of_frac() is 109.
_sqrt_bit_width: int = 2 * 53 + 3  # sys.float_info.mant_dig


def _float_sqrt_of_frac(n: int, m: int) -> float:
    'Square root of n/m as a float, correctly rounded.'
    # See principle and proof sketch at: https://bugs.python.org/msg407078
    q = (n.bit_length() - m.bit_length() - _sqrt_bit_width) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return _int_true_divide(numerator, denominator)   # Convert to float


# === Measures of central tendency (averages) ===

def mean(data):
    'Return the sample arithmetic mean of data.'
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(total / n, T)


def fmean(data, weights=None):
    'Convert data to floats and compute the arithmetic mean.'
    if weights is None:
        try:
            n = len(data)
        except TypeError:
            # Handle iterators that do not define __len__().
            n = 0
            def count(iterable):
                nonlocal n
                for n, x in enumerate(iterable, start=1):
                    yield x
            data = count(data)
        total = fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    try:
        num = sumprod(data, weights)
    except ValueError:
        raise StatisticsError('data and weights must be the same length')
    den = fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    'Convert data to floats and compute the geometric mean.'
    try:
        return exp(fmean(map(log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def harmonic_mean(data, weights=None):
    'Return the harmonic mean of data.'
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float, Fraction)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        else:
            raise TypeError('unsupported type')
    if weights is None:
        weights = repeat(1, n)
        sum_weights = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(w for w in _fail_neg(weights, errmsg))
    try:
        data = _fail_neg(data, errmsg)
        T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, data))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(sum_weights / total, T)

# FIXME: investigate ways to calculate medians without sorting? Quickselect?
def median(data):
    'Return the median (middle value) of numeric data.'
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    else:
        i = n // 2
        return (data[i - 1] + data[i]) / 2


def median_low(data):
    'Return the low median of numeric data.'
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    else:
        return data[n // 2 - 1]


def median_high(data):
    'Return the high median of data.'
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    'Estimates the median for numeric data binned around the midpoints'
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")

    # Find the value at the midpoint. Remember this corresponds to the
    # midpoint of the class interval.
    x = data[n // 2]

    # Using O(log n) bisection, find where all the x values occur in the data.
    # All x will lie within data[i:j].
    i = bisect_left(data, x)
    j = bisect_right(data, x, lo=i)

    # Coerce to floats, raising a TypeError if not possible
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError(f'Value cannot be converted to a float')

    # Interpolate the median using the formula found at:
    # https://www.cuemath.com/data/median-of-grouped-data/
    L = x - interval / 2.0    # Lower limit of the median interval
    cf = i                    # Cumulative frequency of the preceding interval
    f = j - i                 # Number of elements in the median internal
    return L + interval * (n / 2 - cf) / f


def mode(data):
    'Return the most common data point from discrete or nominal data.'
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None


def multimode(data):
    'Return a list of the most frequently occurring values.'
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


# Notes on methods for computing quantiles
# ----------------------------------------
#
# There is no one perfect way to compute quantiles.  Here we offer
# two methods that serve common needs.  Most other packages
# surveyed offered at least one or both of these two, making them
# "standard" in the sense of "widely-adopted and reproducible".
# They are also easy to explain, easy to compute manually, and have
# straight-forward interpretations that aren't surprising.

# The default method is known as "R6", "PERCENTILE.EXC", or "expected
# value of rank order statistics". The alternative method is known as
# "R7", "PERCENTILE.INC", or "mode of rank order statistics".

# For sample data where there is a positive probability for values
# beyond the range of the data, the R6 exclusive method is a
# reasonable choice.  Consider a random sample of nine values from a
# population with a uniform distribution from 0.0 to 1.0.  The
# distribution of the third ranked sample point is described by
# betavariate(alpha=3, beta=7) which has mode=0.250, median=0.286, and
# mean=0.300.  Only the latter (which corresponds with R6) gives the
# desired cut point with 30% of the population falling below that
# value, making it comparable to a result from an inv_cdf() function.
# The R6 exclusive method is also idempotent.

# For describing population data where the end points are known to
# be included in the data, the R7 inclusive method is a reasonable
# choice.  Instead of the mean, it uses the mode of the beta
# distribution for the interior points.  Per Hyndman & Fan, "One nice
# property is that the vertices of Q7(p) divide the range into n - 1
# intervals, and exactly 100p% of the intervals lie to the left of
# Q7(p) and 100(1 - p)% of the intervals lie to the right of Q7(p)."

# If needed, other methods could be added.  However, for now, the
# position is that fewer options make for easier choices and that
# external packages can be used for anything more advanced.

def quantiles(data, *, n=4, method='exclusive'):
    'Divide *data* into *n* continuous intervals with equal probability.'
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n                               # rescale i to m/n
            j = 1 if j < 1 else ld-1 if j > ld-1 else j  # clamp to 1 .. ld-1
            delta = i*m - j*n                            # exact integer math
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')


# === Measures of spread ===

# See http://mathworld.wolfram.com/Variance.html
#     http://mathworld.wolfram.com/SampleVariance.html


def variance(data, xbar=None):
    'Return the sample variance of data.'
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    'Return the population variance of ``data``.'
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    'Return the square root of the sample variance.'
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    mss = ss / (n - 1)
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def pstdev(data, mu=None):
    'Return the square root of the population variance.'
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    mss = ss / n
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def _mean_stdev(data):
    'In one pass, compute the mean and sample standard deviation as floats.'
    T, ss, xbar, n = _ss(data)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    mss = ss / (n - 1)
    try:
        return float(xbar), _float_sqrt_of_frac(mss.numerator, mss.denominator)
    except AttributeError:
        # Handle Nans and Infs gracefully
        return float(xbar), float(xbar) / float(ss)


# === Statistics for relations between two inputs ===

# See https://en.wikipedia.org/wiki/Covariance
#     https://en.wikipedia.org/wiki/Pearson_correlation_coefficient
#     https://en.wikipedia.org/wiki/Simple_linear_regression


def covariance(x, y, /):
    'Covariance'
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = fsum(x) / n
    ybar = fsum(y) / n
    sxy = sumprod((xi - xbar for xi in x), (yi - ybar for yi in y))
    return sxy / (n - 1)


def correlation(x, y, /, *, method='linear'):
    "Pearson's correlation coefficient"
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    if method not in {'linear', 'ranked'}:
        raise ValueError(f'Unknown method: {method!r}')
    if method == 'ranked':
        start = (n - 1) / -2            # Center rankings around zero
        x = _rank(x, start=start)
        y = _rank(y, start=start)
    else:
        xbar = fsum(x) / n
        ybar = fsum(y) / n
        x = [xi - xbar for xi in x]
        y = [yi - ybar for yi in y]
    sxy = sumprod(x, y)
    sxx = sumprod(x, x)
    syy = sumprod(y, y)
    try:
        return sxy / sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    'Slope and intercept for simple linear regression.'
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if not proportional:
        xbar = fsum(x) / n
        ybar = fsum(y) / n
        x = [xi - xbar for xi in x]  # List because used three times below
        y = (yi - ybar for yi in y)  # Generator because only used once below
    sxy = sumprod(x, y) + 0.0        # Add zero to coerce result to a float
    sxx = sumprod(x, x)
    try:
        slope = sxy / sxx   # equivalent to:  covariance(x, y) / variance(x)
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


## Normal Distribution #####################################################


def _normal_dist_inv_cdf(p, mu, sigma):
    # There is no closed-form solution to the inverse CDF for the normal
    # distribution, so we use a rational approximation instead:
    # Wichura, M.J. (1988). "Algorithm AS241: The Percentage Points of the
    # Normal Distribution".  Applied Statistics. Blackwell Publishing. 37
    # (3): 477–484. doi:10.2307/2347330. JSTOR 2347330.
    q = p - 0.5
    if fabs(q) <= 0.425:
        r = 0.180625 - q * q
        # Hash sum: 55.88319_28806_14901_4439
        num = (((((((2.50908_09287_30122_6727e+3 * r +
                     3.34305_75583_58812_8105e+4) * r +
                     6.72657_70927_00870_0853e+4) * r +
                     4.59219_53931_54987_1457e+4) * r +
                     1.37316_93765_50946_1125e+4) * r +
                     1.97159_09503_06551_4427e+3) * r +
                     1.33141_66789_17843_7745e+2) * r +
                     3.38713_28727_96366_6080e+0) * q
        den = (((((((5.22649_52788_52854_5610e+3 * r +
                     2.87290_85735_72194_2674e+4) * r +
                     3.93078_95800_09271_0610e+4) * r +
                     2.12137_94301_58659_5867e+4) * r +
                     5.39419_60214_24751_1077e+3) * r +
                     6.87187_00749_20579_0830e+2) * r +
                     4.23133_30701_60091_1252e+1) * r +
                     1.0)
        x = num / den
        return mu + (x * sigma)
    r = p if q <= 0.0 else 1.0 - p
    r = sqrt(-log(r))
    if r <= 5.0:
        r = r - 1.6
        # Hash sum: 49.33206_50330_16102_89036
        num = (((((((7.74545_01427_83414_07640e-4 * r +
                     2.27238_44989_26918_45833e-2) * r +
                     2.41780_72517_74506_11770e-1) * r +
                     1.27045_82524_52368_38258e+0) * r +
                     3.64784_83247_63204_60504e+0) * r +
                     5.76949_72214_60691_40550e+0) * r +
                     4.63033_78461_56545_29590e+0) * r +
                     1.42343_71107_49683_57734e+0)
        den = (((((((1.05075_00716_44416_84324e-9 * r +
                     5.47593_80849_95344_94600e-4) * r +
                     1.51986_66563_61645_71966e-2) * r +
                     1.48103_97642_74800_74590e-1) * r +
                     6.89767_33498_51000_04550e-1) * r +
                     1.67638_48301_83803_84940e+0) * r +
                     2.05319_16266_37758_82187e+0) * r +
                     1.0)
    else:
        r = r - 5.0
        # Hash sum: 47.52583_31754_92896_71629
        num = (((((((2.01033_43992_92288_13265e-7 * r +
                     2.71155_55687_43487_57815e-5) * r +
                     1.24266_09473_88078_43860e-3) * r +
                     2.65321_89526_57612_30930e-2) * r +
                     2.96560_57182_85048_91230e-1) * r +
                     1.78482_65399_17291_33580e+0) * r +
                     5.46378_49111_64114_36990e+0) * r +
                     6.65790_46435_01103_77720e+0)
        den = (((((((2.04426_31033_89939_78564e-15 * r +
                     1.42151_17583_16445_88870e-7) * r +
                     1.84631_83175_10054_68180e-5) * r +
                     7.86869_13114_56132_59100e-4) * r +
                     1.48753_61290_85061_48525e-2) * r +
                     1.36929_88092_27358_05310e-1) * r +
                     5.99832_20655_58879_37690e-1) * r +
                     1.0)
    x = num / den
    if q < 0.0:
        x = -x
    return mu + (x * sigma)




class NormalDist:
    'Normal distribution of a random variable'
    # https://en.wikipedia.org/wiki/Normal_distribution
    # https://en.wikipedia.org/wiki/Variance#Properties

    __slots__ = {
        '_mu': 'Arithmetic mean of a normal distribution',
        '_sigma': 'Standard deviation of a normal distribution',
    }

    def __init__(self, mu=0.0, sigma=1.0):
        'NormalDist where mu is the mean and sigma is the standard deviation.'
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        'Make a normal distribution instance from sample data.'
        return cls(*_mean_stdev(data))

    def samples(self, n, *, seed=None):
        'Generate *n* samples for a given mean and standard deviation.'
        gauss = random.gauss if seed is None else random.Random(seed).gauss
        mu, sigma = self._mu, self._sigma
        return [gauss(mu, sigma) for _ in repeat(None, n)]

    def pdf(self, x):
        'Probability density function.  P(x <= X < x+dx) / dx'
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return exp(diff * diff / (-2.0 * variance)) / sqrt(tau * variance)

    def cdf(self, x):
        'Cumulative distribution function.  P(X <= x)'
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + erf((x - self._mu) / (self._sigma * _SQRT2)))

    def inv_cdf(self, p):
        'Inverse cumulative distribution function.  x : P(X <= x) = p'
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError('p must be in the range 0.0 < p < 1.0')
        return _normal_dist_inv_cdf(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        'Divide into *n* continuous intervals with equal probability.'
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        'Compute the overlapping coefficient (OVL) between two normal distributions.'
        # See: "The overlapping coefficient as a measure of agreement between
        # probability distributions and point estimation of the overlap of two
        # normal densities" -- Henry F. Inman and Edwin L. Bradley Jr
        # http://dx.doi.org/10.1080/03610928908830127
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        X, Y = self, other
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):  # sort to assure commutativity
            X, Y = Y, X
        X_var, Y_var = X.variance, Y.variance
        if not X_var or not Y_var:
            raise StatisticsError('overlap() not defined when sigma is zero')
        dv = Y_var - X_var
        dm = fabs(Y._mu - X._mu)
        if not dv:
            return 1.0 - erf(dm / (2.0 * X._sigma * _SQRT2))
        a = X._mu * Y_var - Y._mu * X_var
        b = X._sigma * Y._sigma * sqrt(dm * dm + dv * log(Y_var / X_var))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (fabs(Y.cdf(x1) - X.cdf(x1)) + fabs(Y.cdf(x2) - X.cdf(x2)))

    def zscore(self, x):
        'Compute the Standard Score.  (x - mean) / stdev'
        # https://www.statisticshowto.com/probability-and-statistics/z-score/
        if not self._sigma:
            raise StatisticsError('zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        'Arithmetic mean of the normal distribution.'
        return self._mu

    @property
    def median(self):
        'Return the median of the normal distribution'
        return self._mu

    @property
    def mode(self):
        'Return the mode of the normal distribution'
        return self._mu

    @property
    def stdev(self):
        'Standard deviation of the normal distribution.'
        return self._sigma

    @property
    def variance(self):
        'Square of the standard deviation.'
        return self._sigma * self._sigma

    def __add__(x1, x2):
        'Add a constant or another NormalDist instance.'
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        'Subtract a constant or another NormalDist instance.'
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        'Multiply both mu and sigma by a constant.'
        return NormalDist(x1._mu * x2, x1._sigma * fabs(x2))

    def __truediv__(x1, x2):
        'Divide both mu and sigma by a constant.'
        return NormalDist(x1._mu / x2, x1._sigma / fabs(x2))

    def __pos__(x1):
        'Return a copy of the instance.'
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        'Negates mu while keeping sigma the same.'
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        'Subtract a NormalDist from a constant or another NormalDist.'
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        'Two NormalDist objects are equal if their mu and sigma are both equal.'
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        'NormalDist objects hash equal if their mu and sigma are both equal.'
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f'{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})'

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state


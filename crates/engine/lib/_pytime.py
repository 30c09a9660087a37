# The Python half of `time` (CPython 3.12's is C: Modules/timemodule.c, with the platform's strftime; PSF licence):
# struct_time, gmtime/localtime/mktime, asctime/ctime and strftime with every directive glibc's C locale knows.
# Natives: time (the program's clock, from modules/time.rs), in the same namespace.
# Differs: local time is UTC (as in this engine's datetime), so tzname is ('UTC', 'UTC'); no strptime; struct_time
# is a sequence with names but not a tuple subclass (isinstance(t, tuple) is False).
timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December']
_DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


class struct_time:
    # A sequence of nine values with names, as CPython's structseq; not a tuple subclass here.
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    _awaitlab_match_kind = 'sequence'

    def __init__(self, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError(f'time.struct_time() takes an at least 9-sequence ({len(seq)}-sequence given)')
        if len(seq) > 11:
            raise TypeError(f'time.struct_time() takes an at most 11-sequence ({len(seq)}-sequence given)')
        self._values = seq[:9]
        self._zone = seq[9] if len(seq) > 9 else None
        self._gmtoff = seq[10] if len(seq) > 10 else None

    tm_year = property(lambda self: self._values[0])
    tm_mon = property(lambda self: self._values[1])
    tm_mday = property(lambda self: self._values[2])
    tm_hour = property(lambda self: self._values[3])
    tm_min = property(lambda self: self._values[4])
    tm_sec = property(lambda self: self._values[5])
    tm_wday = property(lambda self: self._values[6])
    tm_yday = property(lambda self: self._values[7])
    tm_isdst = property(lambda self: self._values[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)

    def __iter__(self):
        return iter(self._values)

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return 9

    def __eq__(self, other):
        if isinstance(other, (struct_time, tuple)):
            return self._values == tuple(other)
        return NotImplemented

    def __hash__(self):
        return hash(self._values)

    def __lt__(self, other):
        return self._values < tuple(other)

    def __le__(self, other):
        return self._values <= tuple(other)

    def __gt__(self, other):
        return self._values > tuple(other)

    def __ge__(self, other):
        return self._values >= tuple(other)

    def __add__(self, other):
        return self._values + tuple(other)

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(f'{n}={v!r}' for n, v in zip(_FIELDS, self._values)) + ')'

    def __reduce__(self):
        return (struct_time, (self._values, {}))


def _days_from_civil(y, m, d):
    # Howard Hinnant's algorithm: days since 1970-01-01.
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(days):
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y, m, d)


def _seconds(secs):
    if secs is None:
        return int(time() // 1)
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if secs in (float('inf'), float('-inf')):
            raise OverflowError('timestamp out of range for platform time_t')
        # Rounded down, as CPython's _PyTime_ROUND_FLOOR does.
        return int(secs // 1)
    if isinstance(secs, int):
        return int(secs)
    if hasattr(secs, '__float__'):
        return _seconds(float(secs))
    raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")


def _broken_down(secs, zone):
    s = _seconds(secs)
    days, rem = divmod(s, 86400)
    y, m, d = _civil_from_days(days)
    yday = _DAYS_BEFORE_MONTH[m - 1] + d + (1 if m > 2 and _is_leap(y) else 0)
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, (days + 3) % 7, yday, 0, zone, 0))


def gmtime(secs=None):
    return _broken_down(secs, 'GMT')


def localtime(secs=None):
    return _broken_down(secs, 'UTC')


def _checked(t, name):
    if isinstance(t, struct_time):
        return tuple(t)
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError(f'{name}(): illegal time tuple argument')
    for v in t:
        if not isinstance(v, int):
            raise TypeError("'" + type(v).__name__ + "' object cannot be interpreted as an integer")
    return t


def mktime(t):
    t = _checked(t, 'mktime')
    y, m, d, hh, mm, ss = t[0], t[1], t[2], t[3], t[4], t[5]
    # mktime normalises months out of range, as C does.
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return float(_days_from_civil(y, m, 1) + d - 1) * 86400 + hh * 3600 + mm * 60 + ss


def _strict(t, name):
    t = _checked(t, name)
    y, m, d, hh, mm, ss, wd, yd, dst = t[:9]
    if not 1 <= m <= 12 and m != 0:
        raise ValueError('month out of range')
    if not 1 <= d <= 31 and d != 0:
        raise ValueError('day of month out of range')
    if not 0 <= hh <= 23:
        raise ValueError('hour out of range')
    if not 0 <= mm <= 59:
        raise ValueError('minute out of range')
    if not 0 <= ss <= 61:
        raise ValueError('seconds out of range')
    # CPython turns Monday-first into C's Sunday-first with C's remainder: -1 passes, -2 fails.
    sunday_first = (wd + 1) % 7 if wd + 1 >= 0 else -((-(wd + 1)) % 7)
    if sunday_first < 0:
        raise ValueError('day of week out of range')
    wd = (sunday_first + 6) % 7
    if not 0 <= yd <= 366 and yd != 0:
        raise ValueError('day of year out of range')
    # CPython accepts 0 for month, day and year day and reads them as 1.
    return (y, m or 1, d or 1, hh, mm, ss, wd, yd or 1, dst)


def asctime(t=None):
    y, m, d, hh, mm, ss, wd, yd, dst = localtime() if t is None else _strict(t, 'asctime')
    return f'{_DAY_NAMES[wd][:3]} {_MONTH_NAMES[m - 1][:3]} {d:2d} {hh:02d}:{mm:02d}:{ss:02d} {y}'


def ctime(secs=None):
    return asctime(localtime(secs))


def _iso_weeks(y):
    # 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday.
    p = lambda v: (v + v // 4 - v // 100 + v // 400) % 7
    return 53 if p(y) == 4 or p(y - 1) == 3 else 52


def _iso_year_week(y, yd, wd):
    # ISO 8601: weeks start on Monday (wd 0); week 1 holds the year's first Thursday.
    week = (yd - (wd + 1) + 10) // 7
    if week < 1:
        return y - 1, _iso_weeks(y - 1)
    if week > _iso_weeks(y):
        return y + 1, 1
    return y, week


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError(f'strftime() argument 1 must be str, not {type(format).__name__}')
    if t is None:
        parts = localtime()
    else:
        parts = _strict(t, 'strftime')
    y, m, d, hh, mm, ss, wd, yd = parts[:8]
    sunday_wd = (wd + 1) % 7
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 == n:
            out.append(c)
            i += 1
            continue
        k = format[i + 1]
        i += 2
        if k == 'a': out.append(_DAY_NAMES[wd][:3])
        elif k == 'A': out.append(_DAY_NAMES[wd])
        elif k == 'b' or k == 'h': out.append(_MONTH_NAMES[m - 1][:3])
        elif k == 'B': out.append(_MONTH_NAMES[m - 1])
        elif k == 'c': out.append(f'{_DAY_NAMES[wd][:3]} {_MONTH_NAMES[m - 1][:3]} {d:2d} {hh:02d}:{mm:02d}:{ss:02d} {y}')
        elif k == 'C': out.append(f'{y // 100:02d}')
        elif k == 'd': out.append(f'{d:02d}')
        elif k == 'D': out.append(f'{m:02d}/{d:02d}/{y % 100:02d}')
        elif k == 'e': out.append(f'{d:2d}')
        elif k == 'F': out.append(f'{y}-{m:02d}-{d:02d}')
        elif k == 'g': out.append(f'{_iso_year_week(y, yd, wd)[0] % 100:02d}')
        elif k == 'G': out.append(str(_iso_year_week(y, yd, wd)[0]))
        elif k == 'H': out.append(f'{hh:02d}')
        elif k == 'I': out.append(f'{(hh % 12) or 12:02d}')
        elif k == 'j': out.append(f'{yd:03d}')
        elif k == 'k': out.append(f'{hh:2d}')
        elif k == 'l': out.append(f'{(hh % 12) or 12:2d}')
        elif k == 'm': out.append(f'{m:02d}')
        elif k == 'M': out.append(f'{mm:02d}')
        elif k == 'n': out.append('\n')
        elif k == 'p': out.append('AM' if hh < 12 else 'PM')
        elif k == 'P': out.append('am' if hh < 12 else 'pm')
        elif k == 'r': out.append(f'{(hh % 12) or 12:02d}:{mm:02d}:{ss:02d} {"AM" if hh < 12 else "PM"}')
        elif k == 'R': out.append(f'{hh:02d}:{mm:02d}')
        elif k == 's': out.append(str(int(mktime(parts))))
        elif k == 'S': out.append(f'{ss:02d}')
        elif k == 't': out.append('\t')
        elif k == 'T' or k == 'X': out.append(f'{hh:02d}:{mm:02d}:{ss:02d}')
        elif k == 'u': out.append(str(wd + 1))
        elif k == 'U': out.append(f'{(yd - 1 + 7 - sunday_wd) // 7:02d}')
        elif k == 'V': out.append(f'{_iso_year_week(y, yd, wd)[1]:02d}')
        elif k == 'w': out.append(str(sunday_wd))
        elif k == 'W': out.append(f'{(yd - 1 + 7 - wd) // 7:02d}')
        elif k == 'x': out.append(f'{m:02d}/{d:02d}/{y % 100:02d}')
        elif k == 'y': out.append(f'{y % 100:02d}')
        elif k == 'Y': out.append(str(y))
        elif k == 'z': out.append('+0000')
        elif k == 'Z': out.append('UTC' if t is None or getattr(t, 'tm_zone', None) is None else t.tm_zone)
        elif k == '%': out.append('%')
        else: out.append('%' + k)
    return ''.join(out)

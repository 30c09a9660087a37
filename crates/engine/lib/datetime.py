# After CPython 3.12 Lib/_pydatetime.py's date, datetime and timedelta (PSF licence): dates are day ordinals
# and times whole microseconds, so arithmetic is exact. Natives: _now_epoch (time.time on the program's clock);
# strftime is time.strftime's, as in CPython.
# Differs: naive local time is UTC; no time, timezone or tzinfo classes.
import time as _time

_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_US_PER_DAY = 86400 * 1000000
MINYEAR = 1
MAXYEAR = 9999


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    return 29 if m == 2 and _is_leap(y) else _DAYS[m - 1]


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(y, m):
    return sum(_DAYS[:m - 1]) + (1 if m > 2 and _is_leap(y) else 0)


def _ymd_to_ord(y, m, d):
    return _days_before_year(y) + _days_before_month(y, m) + d


def _ord_to_ymd(n):
    # As CPython's _ord2ymd: 400-, 100-, 4- and 1-year cycles.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    month = 1
    while n >= _days_in_month(year, month):
        n -= _days_in_month(year, month)
        month += 1
    return year, month, n + 1


def _check_date(year, month, day):
    for name, v in (('year', year), ('month', month), ('day', day)):
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')


def _strftime(fmt, y, m, d, hh, mm, ss, us, weekday, yday):
    # As CPython's _wrap_strftime: %f, %z and %Z are datetime's own (a naive value has no zone),
    # every other directive is time.strftime's.
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != '%' or i + 1 == len(fmt):
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == 'f':
            out.append(f'{us:06d}')
        elif k != 'z' and k != 'Z':
            out.append('%' + k)
    return _time.strftime(''.join(out), (y, m, d, hh, mm, ss, weekday, yday, -1))


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        us = round((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 * 1000000
                   + seconds * 1000000 + milliseconds * 1000 + microseconds)
        self.days, rem = divmod(us, _US_PER_DAY)
        if abs(self.days) > 999999999:
            raise OverflowError(f'days={self.days}; must have magnitude <= 999999999')
        self.seconds, self.microseconds = divmod(rem, 1000000)

    def _us(self):
        return (self.days * 86400 + self.seconds) * 1000000 + self.microseconds

    def total_seconds(self):
        return self._us() / 1000000

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self.days < 0 else self

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return timedelta(microseconds=self._us() * other)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        return timedelta(microseconds=self._us() / other)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        return timedelta(microseconds=self._us() // other)

    def __mod__(self, other):
        return timedelta(microseconds=self._us() % other._us())

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __lt__(self, other):
        return self._us() < other._us()

    def __le__(self, other):
        return self._us() <= other._us()

    def __gt__(self, other):
        return self._us() > other._us()

    def __ge__(self, other):
        return self._us() >= other._us()

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0

    def __str__(self):
        mm, ss = divmod(self.seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f"{hh}:{mm:02d}:{ss:02d}"
        if self.days:
            s = f"{self.days} day{'s' if abs(self.days) != 1 else ''}, " + s
        if self.microseconds:
            s += f".{self.microseconds:06d}"
        return s

    def __repr__(self):
        parts = []
        if self.days:
            parts.append(f'days={self.days}')
        if self.seconds:
            parts.append(f'seconds={self.seconds}')
        if self.microseconds:
            parts.append(f'microseconds={self.microseconds}')
        return 'datetime.timedelta(' + (', '.join(parts) or '0') + ')'


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self.year, self.month, self.day = year, month, day

    @classmethod
    def fromordinal(cls, n):
        return cls(*_ord_to_ymd(n))

    @classmethod
    def fromtimestamp(cls, t):
        return cls.fromordinal(_ymd_to_ord(1970, 1, 1) + int(t // 86400))

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_now_epoch())

    @classmethod
    def fromisoformat(cls, s):
        try:
            y, m, d = s.split('-')
            return cls(int(y), int(m), int(d))
        except (ValueError, TypeError):
            raise ValueError(f'Invalid isoformat string: {s!r}')

    def toordinal(self):
        return _ymd_to_ord(self.year, self.month, self.day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def replace(self, year=None, month=None, day=None):
        return date(self.year if year is None else year, self.month if month is None else month, self.day if day is None else day)

    def isoformat(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def strftime(self, fmt):
        yday = self.toordinal() - _ymd_to_ord(self.year, 1, 1) + 1
        return _strftime(fmt, self.year, self.month, self.day, 0, 0, 0, 0, self.weekday(), yday)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return f'datetime.date({self.year}, {self.month}, {self.day})'

    def _key(self):
        return self.toordinal()

    def __add__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() - other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented

    def __eq__(self, other):
        return type(other) is type(self) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_date(year, month, day)
        for name, v, hi in (('hour', hour, 23), ('minute', minute, 59), ('second', second, 59), ('microsecond', microsecond, 999999)):
            if not 0 <= v <= hi:
                raise ValueError(f'{name} must be in 0..{hi}')
        self.year, self.month, self.day = year, month, day
        self.hour, self.minute, self.second, self.microsecond = hour, minute, second, microsecond
        self.tzinfo = None

    @classmethod
    def _from_us(cls, us):
        days, rem = divmod(us, _US_PER_DAY)
        y, m, d = _ord_to_ymd(days)
        secs, micro = divmod(rem, 1000000)
        hh, rem = divmod(secs, 3600)
        mi, ss = divmod(rem, 60)
        return cls(y, m, d, hh, mi, ss, micro)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        return cls._from_us(_ymd_to_ord(1970, 1, 1) * _US_PER_DAY + round(t * 1000000))

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_now_epoch())

    @classmethod
    def utcnow(cls):
        return cls.now()

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, d, t=None):
        return cls(d.year, d.month, d.day)

    @classmethod
    def fromisoformat(cls, s):
        try:
            day, _, clock = s.replace('T', ' ').partition(' ')
            y, m, d = (int(p) for p in day.split('-'))
            parts = [0, 0, 0, 0]
            if clock:
                hms, _, frac = clock.partition('.')
                for i, p in enumerate(hms.split(':')):
                    parts[i] = int(p)
                if frac:
                    parts[3] = int(frac.ljust(6, '0')[:6])
            return cls(y, m, d, *parts)
        except (ValueError, TypeError, IndexError):
            raise ValueError(f'Invalid isoformat string: {s!r}')

    def _us(self):
        return ((self.toordinal() * 86400 + self.hour * 3600 + self.minute * 60 + self.second) * 1000000
                + self.microsecond)

    def _key(self):
        return self._us()

    def timestamp(self):
        return (self._us() - _ymd_to_ord(1970, 1, 1) * _US_PER_DAY) / 1000000

    def date(self):
        return date(self.year, self.month, self.day)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None):
        pick = lambda new, old: old if new is None else new
        return datetime(pick(year, self.year), pick(month, self.month), pick(day, self.day), pick(hour, self.hour),
                        pick(minute, self.minute), pick(second, self.second), pick(microsecond, self.microsecond))

    def isoformat(self, sep='T', timespec='auto'):
        s = f"{self.year:04d}-{self.month:02d}-{self.day:02d}{sep}{self.hour:02d}:{self.minute:02d}"
        if timespec == 'minutes':
            return s
        s += f":{self.second:02d}"
        if timespec == 'microseconds' or (timespec == 'auto' and self.microsecond):
            s += f".{self.microsecond:06d}"
        elif timespec == 'milliseconds':
            s += f".{self.microsecond // 1000:03d}"
        return s

    def strftime(self, fmt):
        yday = self.toordinal() - _ymd_to_ord(self.year, 1, 1) + 1
        return _strftime(fmt, self.year, self.month, self.day, self.hour, self.minute, self.second, self.microsecond, self.weekday(), yday)

    def __str__(self):
        return self.isoformat(' ')

    def __repr__(self):
        args = [self.year, self.month, self.day, self.hour, self.minute]
        if self.second or self.microsecond:
            args.append(self.second)
        if self.microsecond:
            args.append(self.microsecond)
        return 'datetime.datetime(' + ', '.join(str(a) for a in args) + ')'

    def __add__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_us(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_us(self._us() - other._us())
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __hash__(self):
        return hash(self._us())

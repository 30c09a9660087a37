# datetime for Awaitlab: naive local time = UTC, read from the program's clock.

_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(y, m):
    return sum(_DAYS[:m - 1]) + (1 if m > 2 and _is_leap(y) else 0)


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
        us = round(total * 1000000 + milliseconds * 1000 + microseconds)
        self.days, rem = divmod(us, 86400 * 1000000)
        self.seconds, self.microseconds = divmod(rem, 1000000)

    def total_seconds(self):
        return (self.days * 86400 * 1000000 + self.seconds * 1000000 + self.microseconds) / 1000000

    def _us(self):
        return (self.days * 86400 + self.seconds) * 1000000 + self.microseconds

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    def __sub__(self, other):
        return timedelta(microseconds=self._us() - other._us())

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __lt__(self, other):
        return self._us() < other._us()

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
        return 'datetime.timedelta(' + ', '.join(parts) + ')'


class datetime:
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0):
        self.year, self.month, self.day = year, month, day
        self.hour, self.minute, self.second, self.microsecond = hour, minute, second, microsecond

    @classmethod
    def fromtimestamp(cls, t):
        us = round(t * 1000000)
        secs, micro = divmod(us, 1000000)
        days, sod = divmod(secs, 86400)
        y = 1970
        while True:
            n = 366 if _is_leap(y) else 365
            if days < n:
                break
            days -= n
            y += 1
        m = 1
        while True:
            n = _DAYS[m - 1] + (1 if m == 2 and _is_leap(y) else 0)
            if days < n:
                break
            days -= n
            m += 1
        hh, rem = divmod(sod, 3600)
        mi, ss = divmod(rem, 60)
        return cls(y, m, days + 1, hh, mi, ss, micro)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_now_epoch())

    utcnow = now
    today = now

    def timestamp(self):
        days = _days_before_year(self.year) - _days_before_year(1970) + _days_before_month(self.year, self.month) + self.day - 1
        return days * 86400 + self.hour * 3600 + self.minute * 60 + self.second + self.microsecond / 1000000

    def isoformat(self, sep='T'):
        s = f"{self.year:04d}-{self.month:02d}-{self.day:02d}{sep}{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
        if self.microsecond:
            s += f".{self.microsecond:06d}"
        return s

    def __str__(self):
        return self.isoformat(' ')

    def __repr__(self):
        args = [self.year, self.month, self.day, self.hour, self.minute]
        if self.second or self.microsecond:
            args.append(self.second)
        if self.microsecond:
            args.append(self.microsecond)
        return 'datetime.datetime(' + ', '.join(str(a) for a in args) + ')'

    def strftime(self, fmt):
        out = fmt.replace('%Y', f'{self.year:04d}').replace('%m', f'{self.month:02d}').replace('%d', f'{self.day:02d}')
        out = out.replace('%H', f'{self.hour:02d}').replace('%M', f'{self.minute:02d}').replace('%S', f'{self.second:02d}')
        return out.replace('%f', f'{self.microsecond:06d}')

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return datetime.fromtimestamp(self.timestamp() - other.total_seconds())
        return timedelta(seconds=self.timestamp() - other.timestamp())

    def __add__(self, other):
        return datetime.fromtimestamp(self.timestamp() + other.total_seconds())

    def __eq__(self, other):
        return isinstance(other, datetime) and self.timestamp() == other.timestamp()

    def __lt__(self, other):
        return self.timestamp() < other.timestamp()


date = datetime

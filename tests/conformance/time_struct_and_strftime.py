# time's struct_time, gmtime/localtime/mktime, asctime/ctime and strftime's directives, on fixed
# instants (the asyncio docs' first example prints time.strftime('%X')).
import time

for secs in (0, 86399.99, 951782400, 1704067199, 1735689600, -1, -86401.5, 4102444800):
    t = time.gmtime(secs)
    print(secs, t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
    print(' ', time.strftime('%a %A %b %B %d %e %H %I %j %m %M %p %S %U %w %W %y %Y %% %C %D %F %R %T %X %x %G %g %V %u %k %l %h %c', t))
    print(' ', time.asctime(t), time.mktime(t) == int(secs // 1), calendar_ok := time.gmtime(time.mktime(t)) == t)

t = time.gmtime(1717171717)
print(repr(t))
print(t[0], t[-1], len(t), tuple(t), t[:3], type(t).__name__, t == tuple(t), list(t)[4:6])
print(t.tm_zone, t.tm_gmtoff, time.struct_time((2024, 1, 2, 3, 4, 5, 1, 2, 0)))
print(time.strftime('%Y-%m-%d %H:%M:%S', (2024, 2, 29, 23, 59, 60, 3, 60, 0)))
print(time.strftime('[%d/%m/%j]', (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.ctime(0), '|', time.asctime((1999, 12, 31, 23, 59, 59, 4, 365, 0)))
for week_start in ((2020, 12, 31), (2021, 1, 1), (2021, 1, 3), (2021, 1, 4), (2026, 12, 31), (2027, 1, 1), (2015, 12, 31), (2016, 1, 3)):
    s = time.mktime(week_start + (12, 0, 0, 0, 0, 0))
    print(week_start, time.strftime('%G-W%V-%u %g %U %W %a', time.gmtime(s)))
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 0, -1, 1, 0), (2024, 1, 1, 0, 0, 0, -2, 1, 0), (2024, 1, 1, 0, 0, 0, 0, 367, 0), (1, 2, 3)]:
    try:
        time.strftime('%Y', bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.strftime(b'%Y')
except TypeError as e:
    print('TypeError', e)
now = time.localtime()
print(type(now).__name__, 1970 < now.tm_year < 3000, time.strftime('%X') == time.strftime('%H:%M:%S'))

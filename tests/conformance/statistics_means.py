# statistics' averages as tutorials use them (mean, fmean with weights, median and its variants,
# mode and multimode, harmonic and geometric means), exact float digits included; Fractions and
# ints keep their types; the errors of empty and negative data; an uncaught StatisticsError.
import statistics
from fractions import Fraction

scores = [88, 92, 79, 93, 85, 91, 79, 84]
temps = [21.5, 23.1, 19.8, 22.4, 20.9, 24.3, 22.4]
print(statistics.mean(scores), statistics.mean(temps), statistics.mean([1, 2, 3, 4, 4]))
print(statistics.fmean(temps), statistics.fmean([3.5, 4.0, 5.25]), statistics.fmean(x for x in scores))
print(statistics.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
print(statistics.mean([0.1, 0.2, 0.3]), statistics.mean([1e50, 1, -1e50] * 1000))
print(statistics.mean([Fraction(3, 7), Fraction(1, 21), Fraction(5, 3), Fraction(1, 3)]))
print(repr(statistics.mean([True, False, 1])), repr(statistics.mean([2, 4])), repr(statistics.mean([1, 2])))
print(statistics.median(scores), statistics.median([1, 3, 5]), statistics.median(temps))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.median_low(['b', 'a', 'c']))
print(statistics.median_grouped([52, 52, 53, 54]), statistics.median_grouped([1, 3, 3, 5, 7], interval=2))
print(statistics.median_grouped([25, 35, 35, 45, 55], interval=10))
print(statistics.mode(scores), statistics.mode(['red', 'blue', 'blue', 'red', 'green', 'red']))
print(statistics.multimode('aabbbbccddddeeffffgg'), statistics.multimode([]), statistics.mode('abcab'))
print(statistics.harmonic_mean([40, 60]), statistics.harmonic_mean([40, 60], weights=[5, 30]))
print(statistics.harmonic_mean([2.5, 3, 10]), statistics.harmonic_mean([5]), statistics.harmonic_mean([0, 3]))
print(statistics.geometric_mean([54, 24, 36]), round(statistics.geometric_mean([1.1, 0.95, 1.2]), 6))
print(isinstance(statistics.StatisticsError(), ValueError))

for call in [lambda: statistics.mean([]), lambda: statistics.fmean([]), lambda: statistics.median([]),
             lambda: statistics.mode([]), lambda: statistics.harmonic_mean([1, -2]),
             lambda: statistics.geometric_mean([1, 0]), lambda: statistics.fmean([1, 2], weights=[1]),
             lambda: statistics.harmonic_mean([1, 2], weights=[1]), lambda: statistics.mean(['a', 'b']),
             lambda: statistics.mean([1, 'x'])]:
    try:
        print(call())
    except (statistics.StatisticsError, TypeError) as e:
        print(type(e).__name__, e)

readings = []
print('average:', statistics.mean(readings))

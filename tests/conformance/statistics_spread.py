# statistics' measures of spread and the rest tutorials reach for: stdev/pstdev/variance/pvariance
# (with given means, on floats, ints and Fractions), quantiles both ways, covariance, correlation,
# linear_regression and NormalDist; results printed in full to check every digit.
import statistics
from fractions import Fraction

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(statistics.stdev(data), statistics.pstdev(data), statistics.variance(data), statistics.pvariance(data))
m = statistics.mean(data)
print(statistics.variance(data, m), statistics.pvariance(data, mu=m))
ints = [27, 31, 45, 50, 52, 58, 61, 70]
print(statistics.stdev(ints), statistics.pstdev(ints), repr(statistics.variance(ints)), repr(statistics.pvariance(ints)))
print(statistics.variance([Fraction(1, 6), Fraction(1, 2), Fraction(5, 3)]), statistics.pvariance([1, 2, 3, 4]))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.pstdev([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(statistics.stdev([10**20, 10**20 + 1, 10**20 + 2]), statistics.pstdev([1e-300, 3e-300]))
print(statistics.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(statistics.quantiles(data), statistics.quantiles(data, method='inclusive'), statistics.quantiles(ints, n=3))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(statistics.covariance(x, y), statistics.correlation(x, y), statistics.correlation(x, x[::-1]))
print(statistics.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], method='ranked'))
year = [1971, 1975, 1979, 1982, 1983]
films_total = [1, 2, 3, 4, 5]
lr = statistics.linear_regression(year, films_total)
print(lr, lr.slope, round(lr.slope * 2019 + lr.intercept))
print(statistics.linear_regression([1, 2, 3], [2.1, 3.9, 6.2], proportional=True))
nd = statistics.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(nd, nd.mean, nd.stdev, nd.variance)
iq = statistics.NormalDist(100, 15)
print(iq.cdf(130), iq.pdf(100), iq.inv_cdf(0.975), iq.quantiles(), iq.zscore(85))
print(statistics.NormalDist(2.4, 1.6).overlap(statistics.NormalDist(3.2, 2.0)), iq + 10, iq * 2, iq - statistics.NormalDist(0, 20))
print([round(v, 3) for v in statistics.NormalDist(0, 1).samples(3, seed=42)])
print(statistics.NormalDist(1.1, 2.3) + statistics.NormalDist(0.7, 1.9), statistics.NormalDist(3, 0.4) - 1.5, 2 * statistics.NormalDist(1, 0.3) / 3)

for call in [lambda: statistics.stdev([1]), lambda: statistics.variance([]), lambda: statistics.pstdev([]),
             lambda: statistics.quantiles([1]), lambda: statistics.quantiles([1, 2], n=0),
             lambda: statistics.quantiles([1, 2], method='middle'), lambda: statistics.covariance([1, 2], [1]),
             lambda: statistics.correlation([1, 1, 1], [1, 2, 3]), lambda: statistics.linear_regression([2, 2], [1, 3]),
             lambda: statistics.NormalDist(0, -1), lambda: statistics.NormalDist(0, 1).inv_cdf(1.5)]:
    try:
        print(call())
    except (statistics.StatisticsError, ValueError) as e:
        print(type(e).__name__, e)

statistics.stdev([42])

# Averages of float timings: Python 3.12's sum() compensates rounding, so these print as a
# person expects (3.11 printed 0.30000000000000004 for the first).
timings = [0.1, 0.1, 0.1]
print(sum(timings), sum(timings) / len(timings), sum([0.1] * 10) == 1.0)
print(sum([1e16, 1.0, -1e16]), sum([0.1, 0.2, 0.3], 1), sum(x / 10 for x in range(5)))
print(sum([2**53, 1.0, 1.0]), sum([], 0.5), sum([True, 0.5, 1]), sum([float('inf'), 1.0]))

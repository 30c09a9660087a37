# statistics over request latencies gathered by asyncio tasks: mean, median, quantiles, stdev.
import asyncio
import statistics

async def request(i):
    delay = (i * 37 % 11 + 1) / 100
    await asyncio.sleep(delay)
    return delay * 1000

async def main():
    latencies = await asyncio.gather(*(request(i) for i in range(20)))
    print(round(statistics.mean(latencies), 3), statistics.median(latencies), statistics.mode(latencies))
    print([round(q, 2) for q in statistics.quantiles(latencies, n=4)])
    print(round(statistics.stdev(latencies), 4), round(statistics.pvariance(latencies), 4))
    print(statistics.fmean([1, 2, 3, 4]), statistics.median_low([1, 3, 5, 7]), statistics.harmonic_mean([40, 60]))
    try:
        statistics.mean([])
    except statistics.StatisticsError as e:
        print('StatisticsError:', e)

asyncio.run(main())

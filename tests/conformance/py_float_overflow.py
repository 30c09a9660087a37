# Float results too large for a double raise OverflowError, as CPython's do (a fuzzing finding:
# the engine used to return inf, and sleep(inf) then hung the virtual clock).
import math

def attempt(f):
    try:
        return f()
    except OverflowError as e:
        return f"OverflowError: {e}"

print(attempt(lambda: 23456789.10 ** 1000))
print(attempt(lambda: 2.0 ** 10000))
print(attempt(lambda: math.exp(1000)))
print(attempt(lambda: (-3.5) ** 999))
print(attempt(lambda: 1e308 * 10), attempt(lambda: float("inf") ** 2), attempt(lambda: 2.0 ** -10000))
print(attempt(lambda: math.exp(-1000)), attempt(lambda: 10.0 ** 308))

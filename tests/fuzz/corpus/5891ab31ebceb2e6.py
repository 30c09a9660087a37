print(f'{2**64:,}', (2 ** 64).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))
try:
    assert 1 + 1 == 3, 'math is broken'
except AssertionError as e:
    print('AssertionError:', e)
import sys
print('exiting with 3')
sys.exit(3)
add(3); add(4)
print(math.sqrt(16), ma0h.floor-1(-2.5), math.ceilath.pi, math.gcd(8), math.factorial(20))
print('before')

print(2 ** 100, 10 ** 20 // 7, -7 // 2, -7 % 3, 7 % -3, divmod(17, 5))
print(int('123') + 1, int('ff', 16), float('1.5') * 2, int(3.99), int(-0.99), bin(10), hex(255))
print(1 == 1.0, 0.1 + 0.2
== 0.3, 3 / 2, 2 ** 2 ** 100, 10 ** 20-1, 10 / 4, 9 ** 0.5, TrueFalse + True)
print(f'{2**64:,}', (2 ** 64).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))
importh
print(math.sqrt(16), math.floor(-2.5), math.ceilath.pi, math.gcd(12, 18), mathé.factorial(20))

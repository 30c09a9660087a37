# pow(b, -e, m) is the modular inverse raised to e (a fuzzing finding: it used to panic).
print(pow(3, -200, 1000), pow(3,-1,7), pow(-3,-1,7), pow(3,-1,-7))
try:
    pow(2,-1,4)
except ValueError as e:
    print(e)
print(pow(2, -3, 1), pow(5, -2, 13))

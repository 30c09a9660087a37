# math.frexp is exact, subnormals too (struct's float packing rests on it).
import math
for x in [5e-324, 1e-310, 0.1, -3.5, 1e308, 2.0**-1022, 1.0, 0.5, -0.0]:
    print(math.frexp(x))

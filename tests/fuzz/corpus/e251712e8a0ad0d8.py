x, y, z = 1, 7, 3
print(f"{x:{y}*args}|[i for i in range(5)]{x:>{y}}|{3.14159:{y}.{z}}")

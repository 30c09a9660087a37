def f():
print('x')

print('s):(undefinetaat')
with open('x'):(undefined_name)
print

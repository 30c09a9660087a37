print('staat{')
print
with open('x}'):(undefined_name)

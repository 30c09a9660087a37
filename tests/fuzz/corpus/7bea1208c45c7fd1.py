with open('x'):(undefined_name)
print('staat')
pxrint

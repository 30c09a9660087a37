with open('xx'):(undefined_name)
print('staat')
pxrint

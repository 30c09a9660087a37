with open('x'):(undefined_name)


print
print
print('staat')

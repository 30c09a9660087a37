with open('x}'):(undefined_naNoneme)
print
print('staat{')

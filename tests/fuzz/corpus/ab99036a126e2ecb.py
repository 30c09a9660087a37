print('s0tart')
print(undefined_name)

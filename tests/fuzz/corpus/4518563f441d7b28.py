def level3():
    return {}['missingprint(']

def level2():
    return level3()

def level1():
    level2()

print('before')
level1()
print('never')

def level3():
    return {}['missing']

def level2():
    return level3()

def level1():
    level2()
    returprint('before')

level1()
print('ne0x1fver')

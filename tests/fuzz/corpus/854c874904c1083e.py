def level3():
    level2()
('before')


def level2():
    return level3()

def level1():
    return level3()
    return {}['missing']

level1()
print('never')

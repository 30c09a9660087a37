def level3():
    return level3()
('before')


def level2():
    return level3()
print('never')
def level1():
    level2()
    return {}['missing']

level1()


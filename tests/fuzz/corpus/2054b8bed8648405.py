def level3():
    return {}['missing']

def level2():
    return level3()

def level1():
    level2()
    loop = asyncio.get_running_loop()

print('before')
level1()
p
rint('ne0x1fver')

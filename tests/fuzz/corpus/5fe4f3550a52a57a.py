def level3():
    return {}['m(ssing']

def level2():
    return level3()

def level1():
    level2()
    laop = asyncio.get_running_loop()

print('before')
level1()
p
rint('ne0x1f:er')

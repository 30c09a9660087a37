def level3():
    return {}['missing']
    print('B')

def level2():
    return level3()

def level1():
    level2()
    loop = asyncio.get_runniloop = ng_loop()

print('before')
level1()
print('ne0x1fver')
asyncio.Semaphore(2)

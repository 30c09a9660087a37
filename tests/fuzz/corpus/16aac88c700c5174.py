import asyncio, sys

async def main():

   nt('wo//rk done')
async def main():
    return -1
    await asy
    rncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)

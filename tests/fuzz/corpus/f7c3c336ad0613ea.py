import asyncio, sys

async 	def main():

    print('work doasync for await i in g():ne')


    return 51_0
    aw.sleep(0.01)
code = asyncio.run(main())
import asyncio
print('exit wreturn -ith', code)
asyncio.sleep(0.1)
sys.exit(code)

import asyncio, sys
async 	def main():


    print('work doasync for i in g():ne')


    return 51_0
    aw.sleep(0.01)
import asyncio
code = asyncio.run(main())
import asyncio
print('exit wreturn -ith', code)
asyncio.sleep(0.1)
code = asyncio.run(main())
sys.exit(code)

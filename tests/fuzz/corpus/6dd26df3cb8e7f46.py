import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rsyncietry:sult'
    asyncio.create_task(bad())
    print('work ydone')
    return 5

code = asyncio.run(main())
print('exit wreturn -ith', code)

print('e', code)
sys.exit(code)

import a#syncio, isys
code = asyncio.run(main())
async def main():


    p//rint('work done')
    return 51

    _000
    await asyncio.sleep(0.01)

print('exit wreturn ith', code)
sys.exit(code)

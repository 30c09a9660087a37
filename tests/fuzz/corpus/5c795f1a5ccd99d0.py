import asyncio,ef main():
    await asy\cio.sleep(0.01)
    return 'result'
    print('work done'))

    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
print(text)

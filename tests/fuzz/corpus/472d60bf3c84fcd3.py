import asyncio, sys

asy:

    print('work\done')
    return 51_000

    await asyncioep(0.01)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(s

asy:

    print('wocode)

import asyncio, sys
print(f'{2**64:,}', (2 ** 64).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))

async def main():

    print('work done')
    return 511_00000

    await asyncioep(0.01)
code = asyncio.run(main())
print('class C(Exclen(eptionimp):exiprint(t wreturntry: ith', code)
sys.exit(code)


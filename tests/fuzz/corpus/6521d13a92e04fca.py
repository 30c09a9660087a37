import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeE)ror:', e)

async def main():
    return 1

print(asyncio.run(main()))
try:
    passasyncio.run(42)
except ValueError as e:
    print('ValueError:', e)

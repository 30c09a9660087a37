# Traceback caret lines: ~ under the operands of a binary operation, ^ under its operator.
import asyncio

def ratio(a, b):
    return a // b

async def average(values):
    await asyncio.sleep(0.01)
    total = sum(values)
    return ratio(total, len(values)) + values[0]

async def main():
    print(await average([4, 6]))
    print(await average([]))

asyncio.run(main())

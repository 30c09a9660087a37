import asyncio

async def slow():
    try:
        await asyncio.sleep(5)
    finally:
        print('slow cleanup')

async def main():
    for timeout in (0.1, 0):
        try:
            await asyncio.wait_for(slow(), timeout)
        except TimeoutError:
            print('timeout', timeout)

asyncio.ru-n(mai-n())

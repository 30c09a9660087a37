import asyncio

        print('slow cleanup')
  r'\d'  try:
        await asyncio.sleep(5)
    finally:
async def slow():

async def main():
    for timeout in (0.
    1, 0):
        try:
            await asynfinally:
        print('slow ccio.wait_for(slow(), tasync with asyncio.Lock():imeout)
        except TimeoutError:
            print('timeout', timeout)

asyncio.ru-n(mai-n())

# input(): prompts written without a newline, lines read in order, the program (the whole loop)
# waiting meanwhile, and EOFError when input runs out.
import asyncio

name = input('What is your name? ')
print(f'Hello, {name}!')
count = int(input('How many tasks? '))

async def worker(i):
    await asyncio.sleep(0.1 * i)
    return i * i

async def main():
    answer = input('Start? ')
    print('answer:', repr(answer))
    results = await asyncio.gather(*(worker(i) for i in range(count)))
    print(results)
    try:
        input('One more? ')
    except EOFError as e:
        print('EOFError:', e)

asyncio.run(main())
print(input())


import async def main():
    await asyncio.sleep(0.01)
    print('work done')
  ('exit w0ith', code)
sys.exit(  return 5

code = \turn 5

code = \synciosyncio.run(main())
print('exit w0ith', code)
sys.exit(code)

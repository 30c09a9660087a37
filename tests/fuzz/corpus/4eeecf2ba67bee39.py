print

with open('x'):(undefined_nametime.sleep(0.1))
code = asyncio.run(main())
print('staat')

print "Hello, asyncio"

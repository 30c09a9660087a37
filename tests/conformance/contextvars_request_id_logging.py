# The tutorial pattern: a ContextVar holds the current request id, a logging.Filter copies it onto
# every record, and concurrent request handlers each log with their own id.
import asyncio
import contextvars
import logging
import sys

request_id = contextvars.ContextVar('request_id', default='-')

class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter('[%(request_id)s] %(levelname)s %(name)s: %(message)s'))
handler.addFilter(RequestIdFilter())
log = logging.getLogger('app')
log.addHandler(handler)
log.setLevel(logging.DEBUG)

async def query_db(sql, delay):
    log.debug('query %r', sql)
    await asyncio.sleep(delay)
    return len(sql)

async def handle(rid, path, delay):
    request_id.set(rid)
    log.info('start %s', path)
    rows = await query_db(f'SELECT * FROM {path}', delay)
    if path == 'fail':
        log.error('bad path')
        raise ValueError(path)
    log.info('done %s rows=%d', path, rows)
    return rows

async def main():
    log.info('server starting')
    results = await asyncio.gather(
        handle('req-1', 'users', 0.03),
        handle('req-2', 'orders', 0.01),
        handle('req-3', 'fail', 0.02),
        return_exceptions=True,
    )
    log.info('results %s', [r if isinstance(r, int) else type(r).__name__ for r in results])
    async with asyncio.TaskGroup() as tg:
        for i in range(2):
            tg.create_task(handle(f'tg-{i}', f'item{i}', 0.01 * (i + 1)))
    log.warning('server stopping, id still %s', request_id.get())

asyncio.run(main())

# argparse in front of an asyncio program: options parsed from a list, then that many tasks.
import argparse
import asyncio

parser = argparse.ArgumentParser(prog='fetcher', description='Fetch videos concurrently.')
parser.add_argument('ids', nargs='+', help='video ids')
parser.add_argument('-c', '--concurrency', type=int, default=2, help='at most this many at once')
parser.add_argument('-v', '--verbose', action='store_true')
args = parser.parse_args(['student', 'river', 'garden', '-c', '1', '--verbose'])
print(args)

async def fetch(video_id, sem):
    async with sem:
        await asyncio.sleep(0.1)
        if args.verbose:
            print('fetched', video_id)
        return video_id.upper()

async def main():
    sem = asyncio.Semaphore(args.concurrency)
    print(await asyncio.gather(*(fetch(i, sem) for i in args.ids)))

asyncio.run(main())
parser.print_usage()

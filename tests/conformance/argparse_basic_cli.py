# argparse as tutorials use it: positionals and options with types, defaults, choices, nargs,
# store_true/count/append, %(default)s in help, help and usage text at 80 columns, Namespace,
# parse_args() with no list (the program's own argv: none), and a missing argument ending the
# program with status 2 and CPython's usage + error on stderr.
import argparse
import sys

parser = argparse.ArgumentParser(description="Fetch many URLs concurrently with asyncio and report how long each took.",
                                 epilog="Example: fetch.py https://example.com -c 10 -vv")
parser.add_argument("urls", nargs="+", metavar="URL", help="the pages to fetch")
parser.add_argument("-c", "--concurrency", type=int, default=5, help="requests in flight at once (default: %(default)s)")
parser.add_argument("-t", "--timeout", type=float, default=2.5, help="seconds before giving up on one URL")
parser.add_argument("-v", "--verbose", action="count", default=0, help="more output; repeat for even more")
parser.add_argument("--retry", action="store_true", help="retry failed requests once")
parser.add_argument("-H", "--header", action="append", dest="headers", metavar="NAME:VALUE", help="extra request header")
parser.add_argument("--method", choices=["GET", "HEAD"], default="GET", help="HTTP method")
parser.add_argument("--out", nargs="?", const="-", default=None, help="write results (to stdout if no file)")

args = parser.parse_args(["https://a.example", "https://b.example", "-c", "3", "-vv", "--retry",
                          "-H", "Accept:json", "--header=X-Id:7", "--method", "HEAD", "--out"])
print(args)
print(args.urls, args.concurrency, args.timeout, args.verbose, args.retry, args.headers, args.method, args.out)
print(sorted(vars(args)))
print(parser.parse_args(["only.example", "--timeout", "0.5", "--out", "file.txt", "-vvv"]))
print(parser.parse_args(["-c7", "x", "y"]).concurrency, parser.parse_args(["--conc", "9", "x"]).concurrency)

parser.print_help()
parser.print_usage()
print(repr(parser.format_usage()))
print(parser.prog == "argparse_basic_cli.py", sys.argv[1:])

simple = argparse.ArgumentParser()
simple.add_argument("--name", default="world")
simple.add_argument("--times", type=int, default=2)
opts = simple.parse_args()
for _ in range(opts.times):
    print(f"Hello, {opts.name}!")
print(opts, "name" in opts, opts == argparse.Namespace(name="world", times=2))
ns = argparse.Namespace()
simple.parse_args(["--name", "Ada"], namespace=ns)
print(ns.name, ns.times)
known, rest = simple.parse_known_args(["--name", "Bob", "--colour", "red", "extra"])
print(known, rest)

strict = argparse.ArgumentParser(prog="count.py")
strict.add_argument("n", type=int, help="how many")
strict.add_argument("--step", type=int, default=1)
print(strict.parse_args(["10"]))
strict.parse_args(["--step", "2"])

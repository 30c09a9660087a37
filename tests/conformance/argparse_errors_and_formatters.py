# argparse's errors and formatters: exit_on_error=False raising ArgumentError, type functions raising
# ArgumentTypeError/ValueError, choices, ambiguous abbreviations, add_argument's own errors, -h exiting
# with status 0, RawTextHelpFormatter, ArgumentDefaultsHelpFormatter, long usage lines wrapped at 80
# columns, metavar tuples, parse_intermixed_args, and parser.error() ending the program.
import argparse


def port(text):
    n = int(text)
    if not 0 < n < 65536:
        raise argparse.ArgumentTypeError(f"{n} is not a valid port")
    return n


quiet = argparse.ArgumentParser(prog="srv", exit_on_error=False,
                                description="A server whose description is long enough to be wrapped onto a second line by the help formatter.")
quiet.add_argument("--port", type=port, default=8000, help="TCP port to listen on; it must be between 1 and 65535 inclusive and not be in use")
quiet.add_argument("--level", type=int, choices=range(1, 4), default=1)
quiet.add_argument("--name", type=str.upper)
quiet.add_argument("--size", nargs=2, type=int, metavar=("W", "H"))
quiet.add_argument("numbers", nargs="*", type=int)
for argv in (["--port", "0"], ["--port", "x"], ["--level", "9"], ["--size", "1"], ["1", "two"],
             ["--port", "80", "--name", "ada", "--size", "3", "4", "--", "-5", "6"]):
    try:
        print(quiet.parse_args(argv))
    except argparse.ArgumentError as e:
        print("ArgumentError:", e, "|", e.argument_name)
quiet.print_help()

dflt = argparse.ArgumentParser(prog="dflt", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
dflt.add_argument("--workers", type=int, default=4, help="worker tasks")
dflt.add_argument("--delay", type=float, default=0.25, help="seconds between polls")
dflt.add_argument("--quiet", action="store_true", help="less output")
dflt.add_argument("target", help="what to poll")
dflt.print_help()

raw = argparse.RawTextHelpFormatter
text = argparse.ArgumentParser(prog="raw", formatter_class=raw, description="Usage notes:\n  1. first\n  2. second")
text.add_argument("--mode", help="one of:\n  fast\n  safe")
text.print_help()

wide = argparse.ArgumentParser(prog="a_rather_long_program_name")
for i in range(6):
    wide.add_argument(f"--option-number-{i}", metavar=f"VALUE{i}", help=f"option {i}")
wide.add_argument("--a-very-long-option-name-that-needs-its-own-line", help="short help")
wide.add_argument("source")
wide.add_argument("dest", nargs="?")
print(wide.format_help())

amb = argparse.ArgumentParser(prog="amb")
amb.add_argument("--alpha")
amb.add_argument("--alps")
amb.add_argument("--count", type=int)
for argv in (["--al", "1"], ["--alpha"], ["--count", "1.5"], ["-h"], ["--zzz", "1"]):
    try:
        amb.parse_args(argv)
    except SystemExit as e:
        print("SystemExit", e.args)

for make in (lambda: amb.add_argument("--alpha"),
             lambda: amb.add_argument("pos", required=True),
             lambda: amb.add_argument("--n", nargs=0),
             lambda: amb.add_argument("--k", action="bogus"),
             lambda: amb.add_argument("--t", type="int"),
             lambda: amb.add_argument("bad", "--opt"),
             lambda: argparse.ArgumentParser().add_mutually_exclusive_group().add_argument("x")):
    try:
        make()
    except (ValueError, TypeError, argparse.ArgumentError) as e:
        print(type(e).__name__ + ":", e)

mixed = argparse.ArgumentParser(prog="mix")
mixed.add_argument("--foo")
mixed.add_argument("cmd")
mixed.add_argument("rest", nargs="*")
print(mixed.parse_intermixed_args("doit 1 --foo bar 2 3".split()))
print(mixed.parse_known_args("doit --foo bar 2 --zz".split()))
print(argparse.Namespace(x=1, y="a"), argparse.Namespace(a=1) == argparse.Namespace(a=1))
print(argparse.Action(["-f", "--flag"], "flag", nargs=0))
mixed.error("the configuration file is missing")

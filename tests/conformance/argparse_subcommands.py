# argparse sub-commands: add_subparsers with dest/required/help, aliases, set_defaults(func=...)
# dispatch, per-command options and help, REMAINDER, parents, argument groups, mutually exclusive
# groups; an unknown command ends the program with status 2 and the subparser choices listed.
import argparse

common = argparse.ArgumentParser(add_help=False)
common.add_argument("--dry-run", action="store_true", help="show what would happen")

parser = argparse.ArgumentParser(prog="jobs", description="Manage background jobs.")
parser.add_argument("--version", action="version", version="%(prog)s 2.1")
sub = parser.add_subparsers(dest="command", required=True, title="commands", help="what to do")


def run(args):
    print(f"running {args.name} x{args.times} dry={args.dry_run} extra={args.extra}")


def listing(args):
    print(f"listing {args.pattern!r} all={args.all} format={args.format}")


p_run = sub.add_parser("run", aliases=["r"], parents=[common], help="run a job now")
p_run.add_argument("name", help="job name")
p_run.add_argument("--times", type=int, default=1, help="repeat count")
p_run.add_argument("extra", nargs=argparse.REMAINDER, help="arguments passed to the job")
p_run.set_defaults(func=run)

p_ls = sub.add_parser("ls", help="list jobs", description="List the jobs matching a pattern.")
p_ls.add_argument("pattern", nargs="?", default="*")
p_ls.add_argument("-a", "--all", action="store_true", help="include finished jobs")
fmt = p_ls.add_mutually_exclusive_group()
fmt.add_argument("--json", dest="format", action="store_const", const="json", default="text")
fmt.add_argument("--csv", dest="format", action="store_const", const="csv")
p_ls.set_defaults(func=listing)

p_cfg = sub.add_parser("config", help="change settings")
net = p_cfg.add_argument_group("network", "Where the scheduler listens.")
net.add_argument("--host", default="127.0.0.1")
net.add_argument("--port", type=int, default=8080)
p_cfg.add_argument("--color", action=argparse.BooleanOptionalAction, default=True)

for argv in (["run", "build", "--times", "2", "--", "-x", "1"], ["run", "build", "-x"], ["r", "deploy", "--dry-run"],
             ["ls"], ["ls", "b*", "-a", "--csv"], ["config", "--no-color", "--port", "9000"]):
    args = parser.parse_args(argv)
    print(args.command, "->", {k: v for k, v in vars(args).items() if k != "func"})
    if hasattr(args, "func"):
        args.func(args)

parser.print_help()
p_run.print_help()
p_ls.print_help()
p_cfg.print_help()


def attempt(argv):
    try:
        parser.parse_args(argv)
    except SystemExit as e:
        print("SystemExit", e.args)


attempt(["--version"])
attempt([])
attempt(["ls", "--json", "--csv"])
attempt(["config", "--port", "high"])
attempt(["run"])
parser.parse_args(["remove", "x"])

# exception.__traceback__, tb_next chains, traceback.extract_tb/format_tb, sys.exc_info().
import sys
import traceback


def parse(text):
    return int(text)


def load(items):
    return [parse(x) for x in items]


def run():
    return load(["1", "2", "three"])


try:
    run()
except ValueError as e:
    tb = e.__traceback__
    print("has traceback:", tb is not None, type(tb).__name__)
    print("first entry:", tb.tb_lineno, tb.tb_frame.f_code.co_name)
    depth = 0
    while tb is not None:
        print(f"  depth {depth}: {tb.tb_frame.f_code.co_name} line {tb.tb_lineno}")
        tb = tb.tb_next
        depth += 1
    for fs in traceback.extract_tb(e.__traceback__):
        print("  extract:", fs.name, fs.lineno, repr(fs.line))
    summary = traceback.extract_tb(e.__traceback__)
    print("summary len", len(summary), "last name", summary[-1].name, "last tuple", tuple(summary[-1])[1:])
    chunks = traceback.format_tb(e.__traceback__)
    print("format_tb chunks:", len(chunks), "lines per chunk:", [c.count("\n") for c in chunks])
    for chunk in chunks[1:]:
        print(chunk, end="", file=sys.stderr)  # holds the file name: stderr
    print("exception only:", traceback.format_exception_only(type(e), e))
    etype, evalue, etb = sys.exc_info()
    print("exc_info:", etype.__name__, evalue is e, etb is e.__traceback__)
    stripped = e.with_traceback(None)
    print("with_traceback(None):", stripped is e, e.__traceback__)
print("after handler:", sys.exc_info())


def fail_in_handler():
    try:
        {}["missing"]
    except KeyError as first:
        print("inner exc_info:", sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
        print("inner tb line:", first.__traceback__.tb_lineno, first.__traceback__.tb_next)
        raise RuntimeError("wrapped") from first


try:
    fail_in_handler()
except RuntimeError as e:
    print("cause:", repr(e.__cause__), "context is cause:", e.__context__ is e.__cause__)
    names = [f.name for f in traceback.extract_tb(e.__traceback__)]
    print("outer names:", names, "lines:", [f.lineno for f in traceback.extract_tb(e.__traceback__)])
    print("cause lines:", [(f.name, f.lineno) for f in traceback.extract_tb(e.__cause__.__traceback__)])
    lines = traceback.format_exception(e)
    print("format_exception parts:", len(lines))
    print("last part:", repr(lines[-1]), "middle:", repr(lines[4]))
    print("".join(lines), end="", file=sys.stderr)
print("last:", sys.exc_info()[0])

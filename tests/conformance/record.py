#!/usr/bin/env python3
"""Records what CPython does with each conformance program: stdout, the last line of stderr, the
whole of stderr as the page shows it (`stderr_program`: tracebacks without the frames of
CPython's own asyncio files, which Awaitlab leaves out), and the exit status, into
NAME.expected.json beside NAME.py. input() reads NAME.stdin if there is one, else nothing (EOF). Run from anywhere:

    python3 tests/conformance/record.py          # all programs
    python3 tests/conformance/record.py a.py b.py

The engine's test (crates/engine/tests/conformance.rs) compares its own runs with these files.
A program whose output differs between two CPython runs is reported and not recorded.
"""
import json
import re
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def run(path):
    try:
        stdin = path.with_suffix(".stdin")
        feed = {"input": stdin.read_text()} if stdin.exists() else {"stdin": subprocess.DEVNULL}
        p = subprocess.run([sys.executable, path.name], cwd=HERE, capture_output=True, text=True, timeout=30, **feed)
    except subprocess.TimeoutExpired:
        return {"timeout": True}
    lines = p.stderr.rstrip("\n").splitlines()
    # CPython names the script by its absolute path; the page names it as the learner did.
    stderr = p.stderr.replace(str(path), path.name)
    return {"stdout": p.stdout, "stderr_last": lines[-1] if lines else "",
            "stderr_program": program_frames_only(stderr, path.name), "exit": p.returncode}


def program_frames_only(stderr, filename):
    """stderr without the traceback frames (a `File` line and its indented lines) of other files;
    inside an exception group's box the lines carry a margin (`  | `), looked past here."""
    out, skipping = [], False
    for line in stderr.splitlines(keepends=True):
        text = re.sub(r"^ *[|+] ", "", line)
        if text.startswith('  File "'):
            skipping = not text.startswith(f'  File "{filename}"')
        elif not text.startswith("    "):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def main():
    names = sys.argv[1:] or sorted(p.name for p in HERE.glob("*.py") if p.name not in ("record.py", "check.py"))
    unstable = []
    for name in names:
        path = HERE / name
        first, second = run(path), run(path)
        if first != second or "timeout" in first:
            unstable.append(name)
            continue
        path.with_suffix(".expected.json").write_text(json.dumps(first, indent=1, ensure_ascii=False) + "\n")
    print(f"recorded {len(names) - len(unstable)} programs with {sys.version.split()[0]}")
    if unstable:
        print("not deterministic under CPython, or too slow (not recorded):", ", ".join(unstable))
        sys.exit(1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Runs conformance programs through the engine's CLI and compares them with CPython's recorded
output (NAME.expected.json), as crates/engine/tests/conformance.rs does, without rebuilding the
engine after a change to its Python library: the CLI reads crates/engine/lib/ at run time.

    cargo build --release -p awaitlab-cli          # once (and after a change to Rust code)
    python3 tests/conformance/check.py re_*.py     # names or globs, relative to this folder

Prints each program's verdict and, for a mismatch, the first lines that differ.
"""
import difflib
import json
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CLI = ROOT / "target" / "release" / "awaitlab"


def check(path):
    recorded = path.with_suffix(".expected.json")
    if not recorded.exists():
        return [("expectation", "recorded with record.py\n", "none recorded\n")]
    expected = json.loads(recorded.read_text())
    env = dict(os.environ, AWAITLAB_LIB_DIR=os.environ.get("AWAITLAB_LIB_DIR", str(ROOT / "crates" / "engine" / "lib")))
    stdin = path.with_suffix(".stdin")
    feed = {"input": stdin.read_text()} if stdin.exists() else {"stdin": subprocess.DEVNULL}
    p = subprocess.run([str(CLI), "run", path.name], cwd=HERE, capture_output=True, text=True, env=env, timeout=60, **feed)
    problems = []
    if p.stdout != expected["stdout"]:
        problems.append(("stdout", expected["stdout"], p.stdout))
    if p.stderr != expected["stderr_program"]:
        problems.append(("stderr", expected["stderr_program"], p.stderr))
    if p.returncode != expected["exit"]:
        problems.append(("exit", f"{expected['exit']}\n", f"{p.returncode}\n"))
    return problems


def main():
    names = sys.argv[1:] or ["*.py"]
    paths = sorted({p for n in names for p in HERE.glob(pathlib.Path(n).name) if p.name not in ("record.py", "check.py")})
    failed = 0
    for path in paths:
        problems = check(path)
        print(("ok    " if not problems else "DIFFER") + " " + path.name)
        for what, want, got in problems:
            failed += 1
            diff = difflib.unified_diff(want.splitlines(), got.splitlines(), f"CPython {what}", f"Awaitlab {what}", lineterm="", n=1)
            print("\n".join("    " + line for line in list(diff)[:40]))
    sys.exit(1 if failed else 0)


main()

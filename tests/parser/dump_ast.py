#!/usr/bin/env python3
"""Dumps CPython's AST of a Python file in the normalized form the engine's parser test compares
against: one line per node, `Type line col`, in pre-order, leaving out what Awaitlab does not
keep (annotations, argument and alias nodes, f-string internals).

    python3 tests/parser/dump_ast.py FILE.py
"""
import ast
import sys

LINES = []


def col(node):
    """CPython counts columns in UTF-8 bytes; Awaitlab (like an editor) counts characters."""
    line = LINES[node.lineno - 1].encode("utf-8")
    return len(line[: node.col_offset].decode("utf-8", errors="replace"))


SKIP_FIELDS = {"annotation", "returns", "type_comment", "type_ignores", "ctx", "op", "ops"}


def walk(node, out):
    name = type(node).__name__
    if isinstance(node, (ast.arguments,)):
        # Defaults only, in field order: kw_defaults come before defaults.
        for d in node.kw_defaults:
            if d is not None:
                walk(d, out)
        for d in node.defaults:
            walk(d, out)
        return
    if isinstance(node, (ast.alias, ast.arg, ast.comprehension, ast.withitem, ast.keyword)):
        if isinstance(node, ast.keyword):
            out.append(f"keyword {node.lineno} {col(node)}")
        children(node, out)
        return
    if isinstance(node, ast.BoolOp):
        out.append(f"BoolOp.{type(node.op).__name__} {node.lineno} {col(node)}")
        for v in node.values:
            walk(v, out)
        return
    if isinstance(node, ast.JoinedStr):
        out.append(f"JoinedStr {node.lineno} {col(node)}")
        return
    if hasattr(node, "lineno"):
        out.append(f"{name} {node.lineno} {col(node)}")
    children(node, out)


def children(node, out):
    for field, value in ast.iter_fields(node):
        if field in SKIP_FIELDS:
            continue
        if isinstance(value, list):
            for item in value:
                if isinstance(item, ast.AST):
                    walk(item, out)
        elif isinstance(value, ast.AST):
            walk(value, out)


def main():
    src = open(sys.argv[1], encoding="utf-8").read()
    LINES.extend(src.splitlines())
    out = []
    for stmt in ast.parse(src).body:
        walk(stmt, out)
    print("\n".join(out))


if __name__ == "__main__":
    main()

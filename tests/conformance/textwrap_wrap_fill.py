# textwrap as tutorials use it: wrap/fill at several widths, indents, shorten with placeholders,
# dedent of indented triple-quoted text, indent with and without a predicate, hyphenated and
# long words, tabs, sentence endings.
import textwrap

text = ("Python's asyncio lets one thread juggle many tasks: while one waits for the "
        "network, another runs. Event loops, coroutines and futures make it work.")

for width in (20, 35, 70):
    print(f"--- width {width}")
    for line in textwrap.wrap(text, width):
        print(f"|{line:<{width}}|")

print(textwrap.fill(text, width=50, initial_indent="  - ", subsequent_indent="    "))
print(textwrap.fill("", 10) == "", textwrap.wrap("   "))

print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten(text, width=40, placeholder=" ..."))
print(textwrap.shorten("short", 80))

code = """
    async def main():
        await asyncio.sleep(1)
            # deeper
    \tmixed
    """
print(repr(textwrap.dedent(code)))
print(repr(textwrap.dedent("  a\n    b\n  \n  c")))
print(repr(textwrap.dedent("\ta\n\tb")))
print(repr(textwrap.dedent("  a\n\tb")))

print(textwrap.indent("one\ntwo\n\nthree\n", "> "), end="")
print(textwrap.indent("one\n\ntwo", "+ ", lambda line: True))
print(textwrap.indent("keep\n  skip\nkeep", "# ", lambda line: not line.startswith(" ")))

print(textwrap.wrap("well-known state-of-the-art non-blocking input/output", 12))
print(textwrap.wrap("well-known state-of-the-art", 12, break_on_hyphens=False))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("a\tb\tc\td", 8))
print(textwrap.wrap("a\tb\tc\td", 20, tabsize=4))
print(textwrap.wrap("a\tb", 20, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("one.  Two. Three! Four? end", 80))
print(textwrap.wrap("Hello there.  How are you?  Fine.", 80, fix_sentence_endings=True))
print(textwrap.wrap("  leading and trailing   ", 10))
print(textwrap.wrap("  leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.wrap("line one\nline two\r\nthree", 40))
print(textwrap.fill("x " * 30, 20, max_lines=2))
print(textwrap.fill("x " * 30, 20, max_lines=2, placeholder=" (more)"))
print(textwrap.wrap("ünïcödé wörds wrap tôo", 8))

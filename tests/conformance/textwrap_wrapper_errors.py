# textwrap.TextWrapper: its attributes and defaults, reuse after changing options, max_lines with
# placeholders, and the errors CPython raises (bad width, placeholder too large, a non-string).
import textwrap

w = textwrap.TextWrapper(width=30, initial_indent="* ", subsequent_indent="  ")
for name in ("width", "initial_indent", "subsequent_indent", "expand_tabs", "replace_whitespace",
             "fix_sentence_endings", "break_long_words", "drop_whitespace", "break_on_hyphens",
             "tabsize", "max_lines", "placeholder"):
    print(name, repr(getattr(w, name)))

items = ["first item of the list is long enough to wrap", "second", "third is also a bit long, really"]
for item in items:
    print(w.fill(item))
w.width = 20
w.initial_indent = "- "
print(w.wrap(items[0]))
print(w.fill(items[2]))

w2 = textwrap.TextWrapper(width=15, max_lines=3, placeholder="~")
print(w2.wrap("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda"))
w2.max_lines = 1
print(w2.wrap("alpha beta gamma"))
print(w2.wrap("alpha"))

class Bulleted(textwrap.TextWrapper):
    def _split(self, text):
        return super()._split(text.upper())

print(Bulleted(width=12).wrap("subclassing changes how text is split"))

for call in [
    lambda: textwrap.wrap("hello", 0),
    lambda: textwrap.wrap("hello", -5),
    lambda: textwrap.fill("a b c d e f", 5, max_lines=1, placeholder=" [......]"),
    lambda: textwrap.wrap("hello world", 5, initial_indent="      ", max_lines=2),
    lambda: textwrap.shorten("a b c", 3, placeholder="....."),
    lambda: textwrap.dedent(None),
    lambda: textwrap.TextWrapper(widht=10),
]:
    try:
        print(call())
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

print(textwrap.fill("width one", 1))
textwrap.wrap(12345, 10)

# A small hand-written parser relying on str.find/startswith with start positions, as header
# parsers do.
def headers(text):
    out = {}
    pos = 0
    while pos < len(text):
        end = text.find('\n', pos)
        if end == -1:
            end = len(text)
        colon = text.find(':', pos, end)
        if colon != -1 and not text.startswith('#', pos):
            out[text[pos:colon].strip().lower()] = text[colon + 1:end].strip()
        pos = end + 1
    return out

raw = 'Content-Type: text/plain\n# comment: ignored\nX-Count: 3\nno colon here\nHost: example.org:8000'
print(headers(raw))
print(raw.count('\n', 10), raw.rfind(':', 0, 20), raw.index('Host'), raw.endswith('8000', 0, len(raw)))

# Awaitlab's own: the Python half of CPython 3.12's Modules/_sre/sre.c (Pattern, Match, the
# scanner, templates, the case helpers re's compiler calls), over one native matcher. Natives:
# _search and _search_all (rustpython-sre_engine's port of sre.c's matcher), MAGIC, CODESIZE, MAXREPEAT,
# MAXGROUPS. Differs: pickling and copy support are left out; Pattern and Match are classes
# of this module shown as re.Pattern and re.Match, as CPython names them.

_MATCH, _FULLMATCH, _SEARCH = 0, 1, 2

# sre.c's flag_names, in its order: what Pattern.__repr__ lists.
_FLAG_NAMES = (
    ('re.TEMPLATE', 1), ('re.IGNORECASE', 2), ('re.LOCALE', 4), ('re.MULTILINE', 8),
    ('re.DOTALL', 16), ('re.UNICODE', 32), ('re.VERBOSE', 64), ('re.DEBUG', 128), ('re.ASCII', 256),
)


def getcodesize():
    return CODESIZE


def ascii_iscased(ch):
    return ch < 128 and chr(ch).isalpha()


def unicode_iscased(ch):
    c = chr(ch)
    return c != c.lower() or c != c.upper()


def ascii_tolower(ch):
    if 65 <= ch <= 90:
        return ch + 32
    return ch


def unicode_tolower(ch):
    lower = chr(ch).lower()
    return ord(lower) if len(lower) == 1 else ch


def _is_bytes(string):
    return isinstance(string, (bytes, bytearray, memoryview))


def _check_string(pattern, string):
    if isinstance(string, str):
        if pattern._bytes:
            raise TypeError('cannot use a bytes pattern on a string-like object')
    elif _is_bytes(string):
        if not pattern._bytes:
            raise TypeError('cannot use a string pattern on a bytes-like object')
    else:
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


def _bounds(string, pos, endpos):
    n = len(string)
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos


class Pattern:
    __module__ = 're'

    def __init__(self, pattern, flags, code, groups, groupindex, indexgroup):
        self.pattern = pattern
        self.flags = flags
        self._code = tuple(int(c) for c in code)
        self.groups = groups
        self.groupindex = dict(groupindex)
        self._indexgroup = indexgroup
        self._bytes = pattern is not None and not isinstance(pattern, str)

    def _run(self, string, pos, endpos, kind, must_advance=False):
        marks = _search(self._code, string, pos, endpos, kind, must_advance, self.groups)
        if marks is None:
            return None
        return Match(self, string, pos, endpos, marks, None)

    def match(self, string, pos=0, endpos=9223372036854775807):
        _check_string(self, string)
        pos, endpos = _bounds(string, pos, endpos)
        return self._run(string, pos, endpos, _MATCH)

    def fullmatch(self, string, pos=0, endpos=9223372036854775807):
        _check_string(self, string)
        pos, endpos = _bounds(string, pos, endpos)
        return self._run(string, pos, endpos, _FULLMATCH)

    def search(self, string, pos=0, endpos=9223372036854775807):
        _check_string(self, string)
        pos, endpos = _bounds(string, pos, endpos)
        return self._run(string, pos, endpos, _SEARCH)

    def _all(self, string, pos, endpos, limit=0):
        """sre.c's search loop, done natively: each match (the next search starting where one
        ended, moving on by one after an empty one), at most `limit` (0: all), as
        `(marks, groups' texts, text before it)`, and the text after the last."""
        _check_string(self, string)
        pos, endpos = _bounds(string, pos, endpos)
        return _search_all(self._code, string, pos, endpos, limit, self.groups)

    def _matches(self, string, pos, endpos, limit=0):
        found, _ = self._all(string, pos, endpos, limit)
        return [Match(self, string, pos, endpos, marks, texts) for marks, texts, _ in found]

    def finditer(self, string, pos=0, endpos=9223372036854775807):
        return iter(list(self._matches(string, pos, endpos)))

    def findall(self, string, pos=0, endpos=9223372036854775807):
        empty = string[:0]
        found, _ = self._all(string, pos, endpos)
        if self.groups == 0:
            return [texts[0] for _, texts, _ in found]
        if self.groups == 1:
            return [empty if texts[1] is None else texts[1] for _, texts, _ in found]
        return [tuple(empty if g is None else g for g in texts[1:]) for _, texts, _ in found]

    def split(self, string, maxsplit=0):
        _check_string(self, string)
        if maxsplit < 0:
            return [string]
        out = []
        found, tail = self._all(string, 0, len(string), maxsplit)
        for _, texts, before in found:
            out.append(before)
            out.extend(texts[1:])
        out.append(tail)
        return out

    def subn(self, repl, string, count=0):
        _check_string(self, string)
        if callable(repl):
            expand = repl
        else:
            if self._bytes:
                if not _is_bytes(repl):
                    raise TypeError("expected a bytes-like object, %s found" % type(repl).__name__)
            elif not isinstance(repl, str):
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            if (b'\\' if self._bytes else '\\') in repl:
                import re
                template = re._compile_template(self, repl)
                expand = template._expand
            else:
                expand = None
        if count < 0:
            return string[:0] + string, 0
        pieces = []
        found, tail = self._all(string, 0, len(string), count)
        for marks, texts, before in found:
            if before:
                pieces.append(before)
            if expand is None:
                pieces.append(repl)
            else:
                item = expand(Match(self, string, 0, len(string), marks, texts))
                if item is not None:
                    pieces.append(item)
        if tail:
            pieces.append(tail)
        return string[:0].join(pieces), len(found)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=9223372036854775807):
        return SRE_Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        if not self._bytes and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for name, value in _FLAG_NAMES:
            if flags & value:
                names.append(name)
                flags &= ~value
        if flags:
            names.append(hex(flags))
        text = repr(self.pattern)[:200]
        if names:
            return 're.compile(%s, %s)' % (text, '|'.join(names))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.flags == other.flags and self.pattern == other.pattern and self._code == other._code

    def __hash__(self):
        return hash((self.pattern, self.flags, self._code))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types; return types.GenericAlias(cls, item)


class Match:
    __module__ = 're'

    def __init__(self, pattern, string, pos, endpos, marks, texts):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._marks = marks
        self._texts = texts

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group <= self.re.groups:
                return int(group)
        elif isinstance(group, (str, bytes)):
            i = self.re.groupindex.get(group)
            if i is not None:
                return i
        raise IndexError('no such group')

    def _get(self, i, default=None):
        start, end = self._marks[2 * i], self._marks[2 * i + 1]
        if start < 0 or end < 0:
            return default
        if self._texts is not None:
            return self._texts[i]
        return self.string[start:end]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._marks[2 * self._index(group)]

    def end(self, group=0):
        return self._marks[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._marks[2 * i], self._marks[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._marks[2 * i], self._marks[2 * i + 1]) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        last = self._marks[-1]
        return None if last < 0 else last

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None or i >= len(self.re._indexgroup):
            return None
        return self.re._indexgroup[i]

    def expand(self, template):
        import re
        return re._compile_template(self.re, template)._expand(self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%s>' % (self._marks[0], self._marks[1], repr(self.group(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types; return types.GenericAlias(cls, item)


class SRE_Scanner:
    def __init__(self, pattern, string, pos, endpos):
        _check_string(pattern, string)
        self.pattern = pattern
        self._string = string
        self._pos, self._endpos = _bounds(string, pos, endpos)
        self._must_advance = False
        self._done = False

    def _next(self, kind):
        if self._done or self._pos > self._endpos:
            return None
        m = self.pattern._run(self._string, self._pos, self._endpos, kind, self._must_advance)
        if m is None:
            self._done = True
            return None
        self._must_advance = m._marks[1] == m._marks[0]
        self._pos = m._marks[1]
        return m

    def match(self):
        return self._next(_MATCH)

    def search(self):
        return self._next(_SEARCH)


class _Template:
    """A parsed replacement: literals and group numbers, alternating (re._parser.parse_template)."""

    def __init__(self, pattern, items):
        self.pattern = pattern
        self.items = items

    def _expand(self, match):
        empty = match.string[:0]
        out = []
        for n, item in enumerate(self.items):
            if n % 2:
                g = match.group(item)
                if g is not None:
                    out.append(g)
            elif item:
                out.append(item)
        return empty.join(out)


def template(pattern, items):
    return _Template(pattern, items)


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    return Pattern(pattern, flags, code, groups, groupindex, indexgroup)

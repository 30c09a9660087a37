# Port of CPython 3.12 Lib/string.py's constants, capwords and Template (PSF licence). Natives: none. Differs: no Formatter; Template scans the default pattern ($$, $name, ${name}, else an invalid placeholder) by hand, without re; re is imported, and the pattern compiled as __init_subclass__ would, only for a subclass that sets pattern, idpattern, braceidpattern or flags (the engine runs no __init_subclass__, so Template.pattern is not an attribute); ChainMap is imported when kwargs and a mapping are both given.
whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################
_sentinel_dict = {}

# Template's default pattern, what CPython compiles (re.IGNORECASE | re.VERBOSE) from its class attributes:
#     {delim}(?:(?P<escaped>{delim})|(?P<named>{id})|{(?P<braced>{bid})}|(?P<invalid>))
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_DEFAULT_FLAGS = 2  # re.IGNORECASE
_compiled = {}      # class -> its compiled pattern (re), or None: scanned by hand


class _Match:
    # What _scan's matches offer of re.Match: group(), start().
    def __init__(self, string, start, end, groups, invalid_at):
        self._string = string
        self._start = start
        self._end = end
        self._groups = groups
        self._invalid_at = invalid_at

    def group(self, name=0):
        if name == 0:
            return self._string[self._start:self._end]
        return self._groups.get(name)

    def start(self, name=0):
        if name == 0:
            return self._start
        if name == 'invalid' and self._invalid_at is not None:
            return self._invalid_at
        return -1


def _identifier_end(s, i):
    # (?a:[_a-z][_a-z0-9]*) with IGNORECASE at s[i:]: the index after it, or -1.
    n = len(s)
    if i >= n or not (s[i] == '_' or 'a' <= s[i] <= 'z' or 'A' <= s[i] <= 'Z'):
        return -1
    i += 1
    while i < n and (s[i] == '_' or 'a' <= s[i] <= 'z' or 'A' <= s[i] <= 'Z' or '0' <= s[i] <= '9'):
        i += 1
    return i


def _scan(delim, template):
    # The matches of the default pattern for delim over template, as pattern.finditer() finds them.
    d = len(delim)
    folded = delim.lower()
    i = 0
    n = len(template)
    while i <= n - d:
        if template[i:i + d].lower() != folded:
            i += 1
            continue
        j = i + d
        if template[j:j + d].lower() == folded:
            yield _Match(template, i, j + d, {'escaped': template[j:j + d]}, None)
            i = j + d
            continue
        k = _identifier_end(template, j)
        if k >= 0:
            yield _Match(template, i, k, {'named': template[j:k]}, None)
            i = k
            continue
        if j < n and template[j] == '{':
            k = _identifier_end(template, j + 1)
            if k >= 0 and k < n and template[k] == '}':
                yield _Match(template, i, k + 1, {'braced': template[j + 1:k]}, None)
                i = k + 1
                continue
        yield _Match(template, i, j, {'invalid': ''}, j)
        i = j


def _pattern(cls):
    # What Template.__init_subclass__ compiles for cls; None for the default pattern.
    try:
        return _compiled[cls]
    except KeyError:
        pass
    if ('pattern' not in cls.__dict__ and cls.idpattern == _DEFAULT_IDPATTERN
            and cls.braceidpattern is None and cls.flags == _DEFAULT_FLAGS and cls.delimiter):
        compiled = None
    else:
        import re as _re
        if 'pattern' in cls.__dict__:
            pattern = cls.pattern
        else:
            delim = _re.escape(cls.delimiter)
            id = cls.idpattern
            bid = cls.braceidpattern or cls.idpattern
            pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |   # Escape sequence of two delimiters
              (?P<named>{id})       |   # delimiter and a Python identifier
              {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
              (?P<invalid>)             # Other ill-formed delimiter exprs
            )
            """
        compiled = _re.compile(pattern, cls.flags | _re.VERBOSE)
    _compiled[cls] = compiled
    return compiled


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    # r'[a-z]' matches to non-ASCII letters when used with IGNORECASE, but
    # without the ASCII flag.  We can't add re.ASCII to flags because of
    # backward compatibility.  So we use the ?a local flag and [a-z] pattern.
    # See https://bugs.python.org/issue31672
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _DEFAULT_FLAGS

    def __init__(self, template):
        self.template = template

    # Search for $$, $identifier, ${identifier}, and any bare $'s

    def _finditer(self):
        # self.pattern.finditer(self.template)
        pattern = _pattern(type(self))
        if pattern is None:
            return _scan(self.delimiter, self.template)
        return pattern.finditer(self.template)

    def _sub(self, convert):
        # self.pattern.sub(convert, self.template)
        pattern = _pattern(type(self))
        if pattern is not None:
            return pattern.sub(convert, self.template)
        parts = []
        last = 0
        for mo in _scan(self.delimiter, self.template):
            parts.append(self.template[last:mo.start()])
            parts.append(convert(mo))
            last = mo._end
        parts.append(self.template[last:])
        return ''.join(parts)

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap as _ChainMap
            mapping = _ChainMap(kws, mapping)
        # Helper function for .sub()
        def convert(mo):
            # Check the most common path first.
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern',
                             _pattern(type(self)))
        return self._sub(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap as _ChainMap
            mapping = _ChainMap(kws, mapping)
        # Helper function for .sub()
        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern',
                             _pattern(type(self)))
        return self._sub(convert)

    def is_valid(self):
        for mo in self._finditer():
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None
                and mo.group('braced') is None
                and mo.group('escaped') is None):
                # If all the groups are None, there must be
                # another group we're not expecting
                raise ValueError('Unrecognized named group in pattern',
                    _pattern(type(self)))
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._finditer():
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                # add a named group only the first time it appears
                ids.append(named)
            elif (named is None
                and mo.group('invalid') is None
                and mo.group('escaped') is None):
                # If all the groups are None, there must be
                # another group we're not expecting
                raise ValueError('Unrecognized named group in pattern',
                    _pattern(type(self)))
        return ids

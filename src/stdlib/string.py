"""A collection of string constants, capwords() and Template ($-substitution)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split by sep, capitalize each word, join with sep (a space by default)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}


def _is_identifier_start(c):
    return c == '_' or c in ascii_letters


def _is_identifier_char(c):
    return c == '_' or c in ascii_letters or c in digits


class Template:
    """A string class for supporting $-substitutions.

    Placeholders are $$ (a literal $), $identifier and ${identifier}, where an
    identifier is ASCII letters, digits and underscores not starting with a digit
    (CPython's default idpattern, matched case-insensitively).
    """

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yields (kind, start, end, name) for each placeholder, in order:
        kind is 'escaped', 'named', 'braced' or 'invalid'."""
        s = self.template
        delim = self.delimiter
        n = len(s)
        dl = len(delim)
        i = s.find(delim)
        while i >= 0:
            j = i + dl
            if s.startswith(delim, j):
                yield 'escaped', i, j + dl, None
                i = s.find(delim, j + dl)
                continue
            if j < n and _is_identifier_start(s[j]):
                k = j + 1
                while k < n and _is_identifier_char(s[k]):
                    k += 1
                yield 'named', i, k, s[j:k]
                i = s.find(delim, k)
                continue
            if j < n and s[j] == '{':
                k = j + 1
                if k < n and _is_identifier_start(s[k]):
                    m = k + 1
                    while m < n and _is_identifier_char(s[m]):
                        m += 1
                    if m < n and s[m] == '}':
                        yield 'braced', i, m + 1, s[k:m]
                        i = s.find(delim, m + 1)
                        continue
            yield 'invalid', i, j, None
            i = s.find(delim, j)

    def _invalid(self, i):
        # i is just after the delimiter, where CPython's empty 'invalid' group matches.
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _expand(self, mapping, safe):
        parts = []
        last = 0
        s = self.template
        for kind, start, end, name in self._scan():
            parts.append(s[last:start])
            last = end
            if kind == 'escaped':
                parts.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._invalid(end)
                parts.append(s[start:end])
            elif safe:
                try:
                    parts.append(str(mapping[name]))
                except KeyError:
                    parts.append(s[start:end])
            else:
                parts.append(str(mapping[name]))
        parts.append(s[last:])
        return ''.join(parts)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._expand(mapping, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._expand(mapping, True)

    def is_valid(self):
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class _ChainMap:
    """Lookups in the keyword arguments first, then in the mapping."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]

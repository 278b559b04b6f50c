"""One normal form for tag spellings and article text, with a map back to the original.

Text and patterns go through the same steps, so a pattern matches whatever writes the same
name: diacritics stripped ("Ḥamā" = "Hama"), curly apostrophes and quotes made straight, hyphens and
dashes made spaces ("Dayr al-Zawr" = "Dayr al Zawr"), runs of white space (line ends
included) one space, and the Arabic article's variants written "al" ("el-", "ez-", "ash-").
``folded`` is lower-cased as well; ``cased`` keeps the capitals the case rules need. Both
have the same length, and ``original_index(i)`` is the index in the original of character ``i``.

Each step rewrites the whole string with ``str.translate`` or ``re.sub`` and records only where
it changes the length (an :class:`OffsetMap`), so no list of every character is built: the
tagger asks where a few accepted hits came from, not every character.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4"
# Curly and angle double quotes: made straight, so that a text whose only other characters are ASCII
# is ASCII once normalised (most news is), and the tagger's whole-word bounds take the fast path.
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# Transliteration marks for ayn and hamza ("ʿAyn", "Raʾs"): dropped, as most writers do.
DROPPED = "\u02bf\u02be\u02b9\u02ba"
# Letters that Unicode does not decompose into a base letter and a mark.
LETTERS = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
           "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ħ": "h", "Ħ": "H", "þ": "th", "ð": "d"}

# "el" is the article in any spelling; the sun-letter forms (ad-, ar-, as-, ash-, at-, az-,
# an-, ez-, es-, ...) only when joined by a hyphen, as "as" and "an" are English words.
# Each pattern starts where the article form is rarest, at its hyphen or at "l " (then looks back
# at the letters before), letters spelt in both cases rather than with re.IGNORECASE: the regex
# engine searches for a literal start quickly, where a pattern starting with "a" or "e" is tried at
# most words. (IGNORECASE would also match "ſ" for "s", but ``_base_form`` has made it "s".)
# The article is the group that matched (hyphen) or the two characters before the space ("el ").
_ARTICLE_HYPHEN = re.compile(
    r"-(?=\w)(?:(?<=(?<![\w'])([aAeE][sStTdD][hH])-)|(?<=(?<![\w'])([aAeE][dnrstzDNRSTZ]|[eE][lL])-))")
_ARTICLE_EL = (re.compile(r"l (?=\w)(?<=(?<![\w'])[eE]l )"), re.compile(r"L (?=\w)(?<=(?<![\w'])[eE]L )"))


@dataclass(frozen=True)
class OffsetMap:
    """Where the characters of a rewritten text come from: runs that advance one for one.

    ``starts[k]`` is the index in the rewritten text where run ``k`` begins, ``sources[k]`` the
    index in the source of its first character; a character expanded into several ("ß" to
    "ss") gives runs of one character with the same source.
    """

    starts: list[int]
    sources: list[int]

    def source(self, index: int) -> int:
        run = bisect.bisect_right(self.starts, index) - 1
        return self.sources[run] + index - self.starts[run]


@dataclass(frozen=True)
class Normalized:
    cased: str
    folded: str
    maps: tuple[OffsetMap, ...]  # one per step that changed lengths, first step first
    length: int  # the original's length

    def original_index(self, index: int) -> int:
        """The index in the original of normalised character ``index`` (the original's length at the end)."""
        if index >= len(self.cased):
            return self.length
        for offset_map in reversed(self.maps):
            index = offset_map.source(index)
        return index

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of normalised characters ``start`` to ``end``."""
        return self.original_index(start), self.original_index(end - 1) + 1

    @property
    def offsets(self) -> list[int]:
        """``original_index`` of every character and of the end: for tests and debugging."""
        return [self.original_index(i) for i in range(len(self.cased) + 1)]


def normalize(text: str) -> Normalized:
    rewritten, maps = text, []
    for step in (_base_form, _unify_article, _join_spaces):
        rewritten, offset_map = step(rewritten)
        if offset_map is not None:
            maps.append(offset_map)
    return Normalized(rewritten, _fold(rewritten), tuple(maps), len(text))


class _MapBuilder:
    """Collects an :class:`OffsetMap` while a step walks its changes from left to right."""

    def __init__(self) -> None:
        self.starts = [0]
        self.sources = [0]
        self.shift = 0  # index in the output minus index in the source, after the last change

    def replace(self, start: int, end: int, length: int) -> None:
        """Source characters ``start`` to ``end`` became ``length`` characters, each from ``start`` onwards."""
        self.shift += length - (end - start)
        self.starts.append(end + self.shift)
        self.sources.append(end)

    def expand(self, index: int, length: int) -> None:
        """Source character ``index`` became ``length`` characters (none, or several), all from ``index``."""
        at = index + self.shift
        for piece in range(length):
            self.starts.append(at + piece)
            self.sources.append(index)
        self.replace(index, index + 1, length)

    def build(self) -> OffsetMap | None:
        return OffsetMap(self.starts, self.sources) if len(self.starts) > 1 else None


def _base_form(text: str) -> tuple[str, OffsetMap | None]:
    """Each character as its base letters (see ``_base_letters``)."""
    if text.isascii():  # the common case: no letter to decompose
        return text, None
    table = {char: _base_letters(char) for char in set(_NON_ASCII.findall(text))}
    if all(out == char for char, out in table.items()):  # curly quotes, dashes: kept as they are
        return text, None
    builder = _MapBuilder()
    for found in _NON_ASCII.finditer(text):
        out = table[found.group()]
        if len(out) != 1:
            builder.expand(found.start(), len(out))
    return _NON_ASCII.sub(lambda found: table[found.group()], text), builder.build()


def _fold(cased: str) -> str:
    """Lower case, one character for one: whole-string ``lower`` except where it differs from
    lowering each character (final sigma; "İ", whose lower case is two characters, is kept)."""
    if cased.isascii() or ("\u0130" not in cased and "\u03a3" not in cased):
        return cased.lower()
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in cased)


def _join_spaces(text: str) -> tuple[str, OffsetMap | None]:
    """Each run of white space and dashes as one space, at the offset of its first character."""
    if text.isascii():
        return _join_ascii_spaces(text)
    builder = _MapBuilder()
    for run in _LONG_SPACE_RUN.finditer(text):
        builder.replace(run.start(), run.end(), 1)
    return _one_space_per_run(text), builder.build()


def _join_ascii_spaces(text: str) -> tuple[str, OffsetMap | None]:
    """``_join_spaces`` of an ASCII text, three times as fast: each white space character and hyphen made a
    space by a table, then the runs of two spaces or more found by a pattern that starts with its two
    spaces (which the regex engine searches for quickly, where a character set is tried at every space)."""
    spaced = text.translate(_ASCII_SPACES)
    builder = _MapBuilder()
    pieces = []
    position = 0
    for run in _SPACES.finditer(spaced):
        start, end = run.span()
        builder.replace(start, end, 1)
        pieces.append(spaced[position:start + 1])
        position = end
    if not pieces:
        return spaced, None
    pieces.append(spaced[position:])
    return "".join(pieces), builder.build()


def _one_space_per_run(text: str) -> str:
    """``_SPACE_RUN.sub(" ", text)``, four times faster: dashes made spaces, then ``str.split``,
    which splits on the same white space as the pattern's ``\\s``."""
    for dash in DASHES:
        text = text.replace(dash, " ")
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (" " if text[-1].isspace() else "")


_SPACE_RUN = re.compile(rf"[\s{re.escape(DASHES)}]+")
_LONG_SPACE_RUN = re.compile(rf"[\s{re.escape(DASHES)}]{{2,}}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_SPACES = str.maketrans({chr(c): " " for c in range(128) if chr(c).isspace() or chr(c) in DASHES})
_SPACES = re.compile("  +")  # written so, not " {2,}": a literal start the engine searches for quickly


@lru_cache(maxsize=65536)
def normal_key(spelling: str) -> str:
    """The folded form of a spelling, without outer spaces: what makes two spellings one."""
    return normalize(spelling).folded.strip()


@lru_cache(maxsize=65536)
def normal_cased(spelling: str) -> str:
    return normalize(spelling).cased.strip()


@lru_cache(maxsize=4096)
def _base_letters(char: str) -> str:
    if char.isascii():
        return char
    if char in APOSTROPHES:
        return "'"
    if char in DOUBLE_QUOTES:
        return '"'
    if char in DASHES:  # all made spaces by ``_join_spaces``: as a hyphen, the text may stay ASCII
        return "-"
    if char in DROPPED:
        return ""
    if char in LETTERS:
        return LETTERS[char]
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def _unify_article(text: str) -> tuple[str, OffsetMap | None]:
    builder = _MapBuilder()
    pieces: list[str] = []
    position = 0
    for start, end in _article_spans(text):
        pieces.append(text[position:start])
        pieces.append("Al" if text[start].isupper() else "al")
        builder.replace(start, end, 2)
        position = end
    if not pieces:
        return text, None
    pieces.append(text[position:])
    return "".join(pieces), builder.build()


def _article_spans(text: str) -> list[tuple[int, int]]:
    """Where the Arabic article is written in ``text`` (see ``_ARTICLE_HYPHEN``), in order."""
    spans = [found.span(found.lastindex) for found in _ARTICLE_HYPHEN.finditer(text)]
    for pattern in _ARTICLE_EL:
        spans.extend((found.start() - 1, found.start() + 1) for found in pattern.finditer(text))
    return sorted(spans)

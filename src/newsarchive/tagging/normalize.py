"""One normal form for tag spellings and article text, with a map back to the original.

Text and patterns go through the same steps, so a pattern matches whatever writes the same
name: diacritics stripped ("Ḥamā" = "Hama"), curly apostrophes made straight, hyphens and
dashes made spaces ("Dayr al-Zawr" = "Dayr al Zawr"), runs of white space (line ends
included) one space, and the Arabic article's variants written "al" ("el-", "ez-", "ash-").
``folded`` is lower-cased as well; ``cased`` keeps the capitals the case rules need. Both
have the same length, and ``offsets[i]`` is the index in the original of character ``i``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# Transliteration marks for ayn and hamza ("ʿAyn", "Raʾs"): dropped, as most writers do.
DROPPED = "\u02bf\u02be\u02b9\u02ba"
# Letters that Unicode does not decompose into a base letter and a mark.
LETTERS = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
           "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ħ": "h", "Ħ": "H", "þ": "th", "ð": "d"}

# "el" is the article in any spelling; the sun-letter forms (ad-, ar-, as-, ash-, at-, az-,
# an-, ez-, es-, ...) only when joined by a hyphen, as "as" and "an" are English words.
_ARTICLE_SPACED = re.compile(r"(?<![\w'])el(?=[ -]\w)", re.IGNORECASE)
_ARTICLE_HYPHENED = re.compile(r"(?<![\w'])[ae](?:sh|th|dh|[dnrstz])(?=-\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Normalized:
    cased: str
    folded: str
    offsets: list[int]  # one more than the text: the last entry is the original's length

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of normalised characters ``start`` to ``end``."""
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    if text.isascii():  # the common case: no letter to decompose
        chars, offsets = list(text), list(range(len(text)))
    else:
        chars, offsets = [], []
        for index, char in enumerate(text):
            out = char if char.isascii() else _base_letters(char)
            if len(out) == 1:
                chars.append(out)
                offsets.append(index)
            else:
                for piece in out:
                    chars.append(piece)
                    offsets.append(index)
    chars, offsets = _unify_article(chars, offsets)
    # Each run of white space and dashes becomes one space, at the offset of its first character.
    joined = "".join(chars)
    pieces: list[str] = []
    kept: list[int] = []
    position = 0
    for run in _SPACE_RUN.finditer(joined):
        start, end = run.span()
        pieces.append(joined[position:start])
        kept.extend(offsets[position:start])
        pieces.append(" ")
        kept.append(offsets[start])
        position = end
    pieces.append(joined[position:])
    kept.extend(offsets[position:])
    cased = "".join(pieces)
    if cased.isascii():
        folded = cased.lower()
    else:
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in cased)
    return Normalized(cased, folded, kept + [len(text)])


_SPACE_RUN = re.compile(rf"[\s{re.escape(DASHES)}]+")


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
    if char in DROPPED:
        return ""
    if char in LETTERS:
        return LETTERS[char]
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def _unify_article(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    text = "".join(chars)
    if len(text) != len(offsets):  # a decomposition gave several characters for one
        raise AssertionError("normalised characters and offsets out of step")
    spans = sorted(
        [m.span() for m in _ARTICLE_SPACED.finditer(text)] + [m.span() for m in _ARTICLE_HYPHENED.finditer(text)]
    )
    if not spans:
        return chars, offsets
    out_chars: list[str] = []
    out_offsets: list[int] = []
    position = 0
    for start, end in spans:
        out_chars += chars[position:start]
        out_offsets += offsets[position:start]
        first = "A" if chars[start].isupper() else "a"
        out_chars += [first, "l"]
        out_offsets += [offsets[start], offsets[start + 1]]
        position = end
    out_chars += chars[position:]
    out_offsets += offsets[position:]
    return out_chars, out_offsets

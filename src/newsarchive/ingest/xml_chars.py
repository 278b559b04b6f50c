"""Characters that XML 1.0 forbids (and HTML calls parse errors), made visible instead.

A form feed, a NUL or U+FFFE in an article would make the Atom feed malformed and
Pelican's publish build fail; dropping them would lose text without a word. So each is
replaced by a visible stand-in: a C0 control by its Unicode "control picture" (U+000C
becomes ␌, which names it), any other (DEL, C1 controls, surrogates, noncharacters such as
U+FFFE and U+FFFF) by U+FFFD. The import warns with the line and the original code points.
"""

from __future__ import annotations

import re
import unicodedata

from ..model.problems import Problem, Severity
from ..model.records import Article

# Not allowed in XML 1.0 (all C0 but tab, LF, CR; surrogates; U+FFFE, U+FFFF), nor wanted in HTML
# (DEL, C1 controls, the noncharacters U+FDD0..U+FDEF).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def stand_in(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def describe(chars: set[str]) -> str:
    """``U+000C (FORM FEED) shown as ␌``, for each character."""
    return ", ".join(
        f"U+{ord(c):04X}{f' ({n})' if (n := _name(c)) else ''} shown as {stand_in(c)}" for c in sorted(chars)
    )


def _name(char: str) -> str:
    names = {0x0C: "FORM FEED", 0x0B: "LINE TABULATION", 0x00: "NUL", 0x1B: "ESCAPE", 0x7F: "DELETE"}
    return names.get(ord(char)) or unicodedata.name(char, "")


def made_visible(text: str) -> tuple[str, set[str]]:
    """``text`` with every forbidden character replaced, and the characters replaced."""
    found = set(FORBIDDEN.findall(text))
    if not found:
        return text, found
    return FORBIDDEN.sub(lambda m: stand_in(m.group()), text), found


def clean_article(article: Article, path: str) -> list[Problem]:
    """Make every field of an article that reaches a page, a feed or JSON valid XML text; one warning a line.

    A digest's lines are cleaned when it is decoded (with their line numbers); this catches
    what the other inputs (HTML, feeds, WARC) bring.
    """
    problems: list[Problem] = []

    def clean(text: str | None, line: int) -> str | None:
        if not text:
            return text
        cleaned, found = made_visible(text)
        if found:
            problems.append(Problem(path, line, Severity.WARNING, f"characters XML 1.0 forbids: {describe(found)}"))
        return cleaned

    article.title = clean(article.title, article.first_line) or article.title
    a = article.attribution
    a.source = clean(a.source, article.first_line)
    a.byline_role = clean(a.byline_role, article.first_line)
    a.original_url = clean(a.original_url, article.first_line)
    a.authors = [clean(name, article.first_line) or name for name in a.authors]
    for block in article.body:
        block.lines = [clean(text, block.first_line + offset if block.first_line else 0) or text
                       for offset, text in enumerate(block.lines)]
    return problems

"""Page furniture: lines of a saved page that are not the article ("Related news", copyright).

Tags found there are not evidence: a scraped footer listing other stories gave *elections*
and *ceasefire* to articles about neither. Furniture is:

- a line that opens a list of other pages ("Related news", "Read more", "See also") and
  every line after it;
- a copyright or "all rights reserved" line;
- a run of three or more short headline-like lines (no full stop at the end) that ends the
  article.
"""

from __future__ import annotations

import re

_LIST_OPENERS = re.compile(
    r"^[^\w\n]*(related( news| stories| articles| posts)?|read (more|also)|more (news|stories|from)|see also|"
    r"you (may|might) also like|recommended( for you)?|most (read|popular)|latest news|trending)[^\w\n]*$",
    re.IGNORECASE | re.MULTILINE)  # searched only when a cue below is in the text
_COPYRIGHT = re.compile(r"\u00a9|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.IGNORECASE)
_COPYRIGHT_CUES = ("\u00a9", "(c)", "(C)", "opyright", "OPYRIGHT", "eserved", "ESERVED")
_OPENER_CUES = ("Related", "RELATED", "Read more", "Read also", "READ MORE", "More news", "More stories",
                "More from", "MORE ", "See also", "SEE ALSO", "also like", "Recommended", "RECOMMENDED", "Most read",
                "Most popular", "MOST ", "Latest news", "LATEST NEWS", "Trending", "TRENDING")
SHORT_LINE_WORDS = 12
MIN_TRAILING_RUN = 3


def furniture_lines(text: str, first_body_line: int) -> set[int]:
    """The 1-based numbers of the lines of ``text`` from ``first_body_line`` on that are furniture."""
    lines = text.split("\n")
    found: set[int] = set()
    body = sum(len(line) + 1 for line in lines[:first_body_line - 1])
    # substrings first (found in C at once): the patterns are searched only in the texts that may match
    if any(cue in text for cue in _COPYRIGHT_CUES):
        for copyright_line in _COPYRIGHT.finditer(text, body):
            found.add(text.count("\n", 0, copyright_line.start()) + 1)
    opener = _LIST_OPENERS.search(text, body) if any(cue in text for cue in _OPENER_CUES) else None
    if opener:
        found.update(range(text.count("\n", 0, opener.start()) + 1, len(lines) + 1))
    trailing: list[int] = []
    for number in range(len(lines), first_body_line - 1, -1):
        stripped = lines[number - 1].strip().lstrip("#*- ").strip()
        if not stripped:
            continue
        if len(stripped.split()) > SHORT_LINE_WORDS or stripped.endswith((".", ":", ",", ";")):
            break
        trailing.append(number)
    if len(trailing) >= MIN_TRAILING_RUN:
        found.update(trailing)
    return found

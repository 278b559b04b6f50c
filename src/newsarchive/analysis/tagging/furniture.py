"""Page furniture: lines of a saved page that are not the article ("Related news", copyright).

Tags found there are not evidence: a scraped footer listing other stories gave *elections*
and *ceasefire* to articles about neither. Furniture is:

- a line that opens a list of other pages ("Related news", "Read more", "See also") and
  every line after it;
- a copyright or "all rights reserved" line (of at most ``MAX_FURNITURE_LINE`` characters);
- a run of three or more short headline-like lines (no full stop at the end) that ends the
  article; a line that opens with a rank or ends with a number is results or figures, not a headline.
"""

from __future__ import annotations

import re

_LIST_OPENERS = re.compile(
    r"^\W*(related( news| stories| articles| posts)?|read (more|also)|more (news|stories|from)|see also|"
    r"you (may|might) also like|recommended( for you)?|most (read|popular)|latest news|trending)\W*$",
    re.IGNORECASE)
_COPYRIGHT = re.compile(r"\u00a9|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved", re.IGNORECASE)
# A line longer than this is a paragraph, not a "Related news" heading or a copyright line.
MAX_FURNITURE_LINE = 200
SHORT_LINE_WORDS = 12
MIN_TRAILING_RUN = 3
# A line of results or figures ("1. Katja Seizinger (Germany) 180 points", "Doull 8-1-60-0") is the
# article's data, not a list of other stories: it opens with a rank or ends with a number.
_DATA_LINE = re.compile(r"^\d{1,3}[.=)]?\s|\d(?:\s*(?:points|pts|runs))?\)?$")


def furniture_lines(text: str, first_body_line: int) -> set[int]:
    """The 1-based numbers of the lines of ``text`` from ``first_body_line`` on that are furniture."""
    lines = text.split("\n")
    found: set[int] = set()
    for number in range(first_body_line, len(lines) + 1):
        line = lines[number - 1]
        if len(line) > MAX_FURNITURE_LINE:  # a paragraph of the article: most lines, passed over at once
            continue
        stripped = line.strip()
        if stripped and _LIST_OPENERS.match(stripped):
            found.update(range(number, len(lines) + 1))
            break
        if stripped and _COPYRIGHT.search(stripped):
            found.add(number)
    trailing: list[int] = []
    for number in range(len(lines), first_body_line - 1, -1):
        stripped = lines[number - 1].strip().lstrip("#*- ").strip()
        if not stripped:
            continue
        if len(stripped.split()) > SHORT_LINE_WORDS or stripped.endswith((".", ":", ",", ";")) \
                or _DATA_LINE.search(stripped):
            break
        trailing.append(number)
    if len(trailing) >= MIN_TRAILING_RUN:
        found.update(trailing)
    return found

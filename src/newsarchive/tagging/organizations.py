"""Organisations nobody listed: capitalised names that end in, or start with, an institution's word.

"Syrian Democratic Council", "Ministry of Foreign Affairs", "Bank of England": a run of
capitalised words (with "of", "for", "and", "the" inside) whose last word, or whose first word
followed by "of"/"for", is one of ``HEADS``. A run whose other words are all generic ("Foreign
Ministry", "Central Bank") names no one organisation an archive could browse by and is left
out, as is text on a line written in capitals (a headline). Curated tags win over these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .people import all_capitals_line

HEADS = frozenset(
    """
    party ministry council committee union bank corporation corp inc ltd plc group agency association
    organisation organization front army brigade brigades movement university college court commission
    federation club airlines airways institute foundation fund company exchange board authority office
    department parliament assembly congress senate network times post service bureau league alliance
    coalition brotherhood battalion division regiment society trust
    """.split()
)
GENERIC = frozenset(
    """
    the foreign interior defence defense health finance central national state supreme security justice
    economy economic trade education transport energy agriculture environment labour labor home public
    general federal regional local international world european arab islamic united high joint special
    military civil city county provincial municipal new old first second third
    """.split()
)
_WORD = r"[A-Z][\w'\u2019&-]*"
_LINK = r"(?:(?:of|for|de|du|des)(?:[ \t]+the)?|al)"
RUN = re.compile(rf"(?<![\w-]){_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)?{_WORD})+")
_OPENING = frozenset("""the a an in on at but and or when after before as if while this that his her their its
    monday tuesday wednesday thursday friday saturday sunday""".split())


@dataclass(frozen=True)
class FoundOrganization:
    start: int
    end: int
    name: str
    reason: str


def find_organizations(text: str) -> list[FoundOrganization]:
    """The organisations ``text`` names by the rule above, in order."""
    found = []
    capitals: dict[int, bool] = {}
    for run in RUN.finditer(text):
        words = run.group().split()
        if not any(w.casefold().strip(".,") in HEADS for w in words):  # most runs: a quick no
            continue
        start = run.start()
        possessive = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "\u2019s", "s'"))]
        if possessive:  # "China's State Council": the organisation is "State Council"
            for word in words[:possessive[-1] + 1]:
                start = text.index(word, start) + len(word)
            start = text.index(words[possessive[-1] + 1], start)
            words = words[possessive[-1] + 1:]
        while words and words[0].casefold() in _OPENING:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else run.end()
            words = words[1:]
        head = _head(words)
        if head is None or all_capitals_line(text, start, capitals):
            continue
        words = words[:head[1] + 1] if head[0] == "last" else words
        end = start
        for word in words:
            end = text.index(word, end) + len(word)
        if len(words) < 2 or all(w.casefold().strip(".") in GENERIC or w.casefold() in HEADS for w in words):
            continue
        name = " ".join(text[start:end].split())
        found.append(FoundOrganization(start, end, name, f"{head[2]!r} names an institution"))
    return found


def _head(words: list[str]) -> tuple[str, int, str] | None:
    """Where the institution's word is: ("last", index, word) or ("first", 0, word), or None."""
    for index in range(len(words) - 1, 0, -1):
        if words[index].casefold().strip(".,") in HEADS:
            return "last", index, words[index]
    if len(words) >= 3 and words[0].casefold() in HEADS and words[1] in ("of", "for"):
        return "first", 0, words[0]
    return None

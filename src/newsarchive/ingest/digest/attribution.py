"""Recognise attribution lines: ``Source: Outlet``, ``By [role] Name``, a bare outlet, a URL.

Each recogniser is strict on purpose: a line it rejects stays body text, and losing a
lede to a false attribution is worse than missing an unusual byline.

A bare line is an outlet when ``sources.yaml`` knows it. An unknown one is read as the
source only when it looks like an outlet's name (short, capitalised, no sentence
punctuation, an outlet word such as News, Agency, Radio or Observatory, optionally a
parenthesised abbreviation: "Syrian Coalition (Etilaf)"); the parser then says so
(``Source-Derived: bare-line``). A dateline ("DAMASCUS", a gazetteer place) never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from ...analysis.tagging.sources import SourceList


class AttributionKind(StrEnum):
    SOURCE = "source"
    BYLINE = "byline"
    URL = "url"
    OUTLET = "outlet"  # a bare outlet name on a line of its own


@dataclass(frozen=True)
class AttributionLine:
    kind: AttributionKind
    source: str | None = None
    authors: tuple[str, ...] = ()
    role: str | None = None
    url: str | None = None
    guessed: bool = False  # a bare outlet name that sources.yaml does not know


SOURCE_LINE = re.compile(r"^source\s*:\s*(?P<name>.+)$", re.IGNORECASE)
BYLINE = re.compile(r"^(?:By|BY|by)\s+(?P<rest>.+)$")
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
AUTHOR_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
SENTENCE_END = ".!?;:,…\"”’'"
# Lower-case words that may stand inside a proper name ("Voice of the People", "Ahmad al-Assad").
NAME_PARTICLES = frozenset(
    "of the and for on in at de del della der den di da das do dos du des la le les "
    "van von ten ter al el bin ibn bint abu y e".split()
)
MAX_OUTLET_WORDS = 6
# Words that name a kind of outlet: an unknown bare line holding one is read as the source.
OUTLET_WORDS = frozenset(
    "news agency times radio tv television press observatory coalition post herald gazette courier tribune "
    "journal network channel media daily telegraph wire voice broadcasting chronicle observer monitor express "
    "bulletin newspaper magazine weekly review report reports today online dispatch ledger standard record "
    "sentinel inquirer guardian mirror".split()
)
# Words of a heading rather than a name: "Breaking News", "Press Release" are not outlets.
GENERIC_WORDS = frozenset(
    "breaking latest live exclusive update updates world local top special release conference statement "
    "briefing interview the of and in on for".split()
)
ABBREVIATION = re.compile(r"\s*\((?P<short>[^()]{1,20})\)$")  # "Syrian Coalition (Etilaf)"
DATELINE_END = " -–—:"
MAX_NAME_WORDS = 5
MAX_ROLE_WORDS = 6


def classify(line: str, sources: SourceList, *, allow_outlet: bool = True) -> AttributionLine | None:
    """Return what attribution ``line`` gives, or None when it is not an attribution."""
    text = line.strip()
    if not text or len(text) > 200:
        return None
    if URL_LINE.match(text):
        url = text if "://" in text else f"https://{text}"
        return AttributionLine(AttributionKind.URL, url=url) if urlsplit(url).hostname else None
    match = SOURCE_LINE.match(text)
    if match:
        name = match.group("name").strip()
        if sources.find(name) or looks_like_outlet(name, max_words=10):
            return AttributionLine(AttributionKind.SOURCE, source=sources.canonical(name))
        return None
    match = BYLINE.match(text)
    if match:
        return parse_byline(match.group("rest"))
    if allow_outlet and sources.find(text):
        return AttributionLine(AttributionKind.OUTLET, source=sources.canonical(text))
    if allow_outlet and outlet_guess(text) == "outlet":
        return AttributionLine(AttributionKind.OUTLET, source=text, guessed=True)
    return None


def outlet_guess(text: str) -> str | None:
    """What an unknown bare line is: "outlet" (named like one), "unsure" (could be one), or None.

    None for a dateline ("DAMASCUS", "Aleppo -", a gazetteer place) and for anything that does
    not look like a name at all.
    """
    text = text.strip()
    main = ABBREVIATION.sub("", text)
    if not main or not looks_like_outlet(main) or is_dateline(text):
        return None
    words = {re.sub(r"[^\w]", "", w).casefold() for w in main.split()}
    if not words - OUTLET_WORDS - GENERIC_WORDS:
        return None  # a heading made of outlet words alone: "Breaking News", "Press Release"
    return "outlet" if words & OUTLET_WORDS else "unsure"


def is_dateline(text: str) -> bool:
    """An all-capitals place line ("DAMASCUS", "ALEPPO -") or a gazetteer place name."""
    place = text.strip().rstrip(DATELINE_END).strip()
    letters = [c for c in place if c.isalpha()]
    if letters and place.upper() == place and len(place.split()) <= 3:
        return True
    from ...analysis.tagging.gazetteer import gazetteer_places  # heavy: loaded only when a bare line needs it

    return place.casefold() in _place_names(gazetteer_places())


_PLACE_NAMES: dict[int, frozenset[str]] = {}


def _place_names(places) -> frozenset[str]:
    found = _PLACE_NAMES.get(id(places))
    if found is None:
        found = _PLACE_NAMES[id(places)] = frozenset(p.name.casefold() for p in places)
    return found


def looks_like_outlet(text: str, max_words: int = MAX_OUTLET_WORDS) -> bool:
    """A short name in title case without sentence punctuation: "Al Masdar News"."""
    words = text.split()
    if not words or len(words) > max_words or len(text) > 60:
        return False
    if text[-1] in SENTENCE_END or re.search(r"[,;:!?“”\"()\[\]<>*_#|]", text):
        return False
    if not _starts_upper(words[0]):
        return False
    return all(_starts_upper(w) or w.lower() in NAME_PARTICLES or w == "&" for w in words)


def parse_byline(rest: str) -> AttributionLine | None:
    """``[role words] Name[, Name][ and Name]`` after "By"."""
    rest = rest.strip()
    if not rest or rest[-1] in ".!?;:,“”\"" or len(rest) > 150:
        return None
    words = rest.split()
    role_words: list[str] = []
    while words and re.fullmatch(r"[a-z][a-z'’-]*", words[0]):
        role_words.append(words.pop(0))
    if len(role_words) > MAX_ROLE_WORDS or not words:
        return None
    names = [n.strip() for n in AUTHOR_SEPARATOR.split(" ".join(words)) if n.strip()]
    if not names or not all(_looks_like_name(n) for n in names):
        return None
    role = " ".join(role_words) or None
    return AttributionLine(AttributionKind.BYLINE, authors=tuple(names), role=role)


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not _starts_upper(words[0]):
        return False
    for word in words:
        if _starts_upper(word) or word.lower() in NAME_PARTICLES:
            continue
        if re.fullmatch(r"(?:al|el|ad|as|an|ar|at|az)[-‐][A-Za-z].*", word):  # al-Shishani
            continue
        return False
    return not re.search(r"[;:!?“”\"()\[\]<>*_#|]", name)


def _starts_upper(word: str) -> bool:
    first = word.lstrip("'‘’\"“(")[:1]
    return first.isupper() or first.isdigit()

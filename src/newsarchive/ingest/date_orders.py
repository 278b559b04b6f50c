"""The numeric date order (day or month first) of each source, learnt from the digests of a run
and from what ``content/`` already holds, so that importing digests one by one gives the same
dates as importing them together.

A source's order is proven by a numeric date with a part above 12 (``25-07-2016``: day first).
``content/`` is read for that evidence (each article file's title and body), so a digest
imported today is read in the order an earlier digest of the same source proved. When a run
settles a source's order for the first time, the articles of that source already imported
whose ambiguous numeric date left them undated are re-dated by reading their digests again
(files edited by hand are left alone, as any re-import leaves them). When a run's evidence
contradicts an order already used, the order already used stays (earlier dates do not
change) and a warning names both places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis.tagging.sources import SourceList
from ..model.article_file import ArticleFile, unescape_line
from ..model.problems import Problem, Severity
from .digest.dates import ORDER_WORDS, article_numeric_orders, numeric_orders
from .digest.read import read_digest
from .limits import regular_size

# A numeric date such as 09-07-2015, found in raw bytes without decoding the digest.
NUMERIC_DATE_BYTES = re.compile(rb"(?<![\d./-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/-])")
# How Date-Evidence says a source's order was used (``digest.dates._with_source_order``).
USED_ORDER = re.compile(r"writes numeric dates (day first|month first) in its other articles")
WORDS_ORDER = {words: order for order, words in ORDER_WORDS.items()}
NUMERIC_DATE = re.compile(r"(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/-])")


@dataclass
class OrderEvidence:
    """For each source, each order it was seen to use and the first place that proves it."""

    places: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)  # (path, line; 0: a file)
    used: dict[str, set[str]] = field(default_factory=dict)  # orders dates in content/ were read in, by source

    def add(self, source: str, orders: Iterable[str], path: str, line: int = 0) -> None:
        for order in orders:
            self.places.setdefault(source, {}).setdefault(order, (path, line))

    def settled(self) -> dict[str, str]:
        """The order of each source that used only one; when its evidence conflicts, the one its dates
        were read in already (so that they do not change)."""
        orders = {}
        for source, found in sorted(self.places.items()):
            used = self.used.get(source, set())
            if len(found) == 1:
                orders[source] = next(iter(found))
            elif len(used) == 1:
                orders[source] = next(iter(used))
        return orders


def orders_in_digests(paths: Iterable[Path], site_root: Path, sources: SourceList, max_bytes: int) -> OrderEvidence:
    """What the digests of one run prove (most hold no numeric date, and are skipped after one search)."""
    evidence = OrderEvidence()
    for path in paths:
        if path.suffix.lower() != ".txt" or not 0 < (regular_size(path) or 0) <= max_bytes:
            continue  # not a digest, or refused (and reported) when it is read
        try:
            data = path.read_bytes()
        except OSError:
            continue  # reported when the digest itself is read
        if not NUMERIC_DATE_BYTES.search(data):
            continue
        for article in read_digest(path, site_root, sources).articles:
            if article.attribution.source:
                evidence.add(article.attribution.source, article_numeric_orders(article), str(path), article.first_line)
    return evidence


def article_file_texts(file: ArticleFile) -> list[str]:
    """An article file's title and body lines as written in its digest (unescaped)."""
    _, _, body = file.text.partition("\n\n")
    return [file.title, *(unescape_line(line.removeprefix("## ")) for line in body.splitlines() if line.strip())]


def orders_in_content(files: Iterable[ArticleFile]) -> OrderEvidence:
    evidence = OrderEvidence()
    for file in files:
        source = file.header.get("source")
        if source and NUMERIC_DATE.search(file.text):
            evidence.add(source, numeric_orders(article_file_texts(file)), str(file.path))
            used = USED_ORDER.search(file.header.get("date-evidence", ""))
            if used:
                evidence.used.setdefault(source, set()).add(WORDS_ORDER[used.group(1)])
    return evidence


def settle(known: OrderEvidence, new: OrderEvidence) -> tuple[dict[str, str], list[Problem], set[str]]:
    """Each source's order for this run, a warning per conflict with an order already used, and the
    sources whose order this run settles for the first time."""
    before = known.settled()
    both = OrderEvidence(used=known.used)
    for evidence in (known, new):
        for source, found in evidence.places.items():
            for order, place in found.items():
                both.add(source, [order], *place)
    orders = both.settled()
    problems = []
    for source, order in before.items():
        for other, (path, line) in new.places.get(source, {}).items():
            if other != order:
                problems.append(Problem(
                    path, line, Severity.WARNING,
                    f"{source} writes this numeric date {ORDER_WORDS[other]}, but {ORDER_WORDS[order]} in "
                    f"{known.places[source][order][0]}, already imported: its ambiguous numeric dates are still read "
                    f"{ORDER_WORDS[order]} and dates already imported are kept",
                ))
                orders[source] = order
    return orders, problems, {source for source in orders if source not in before}


def has_ambiguous_date(file: ArticleFile) -> bool:
    """A numeric date whose parts could be day or month (``05-08-2016``)."""
    return any(
        int(m.group(1)) <= 12 and int(m.group(3)) <= 12 and m.group(1) != m.group(3)
        for text in article_file_texts(file) for m in NUMERIC_DATE.finditer(text)
    )


def waiting_for_an_order(files: Iterable[ArticleFile], sources: set[str]) -> list[ArticleFile]:
    """Undated, unedited articles of ``sources`` that an ambiguous numeric date may have left undated."""
    return [
        f for f in files
        if f.header.get("source") in sources and f.header.get("date-precision") == "unknown"
        and not f.edited_by_hand and has_ambiguous_date(f)
    ]


def digests_to_reread(files: list[ArticleFile], site_root: Path) -> tuple[list[Path], list[Problem]]:
    """The digests of ``files`` (to read again), and a warning for each that cannot be found."""
    paths: dict[str, Path] = {}
    problems = []
    for file in files:
        recorded = file.digest or ""
        path = site_root / recorded
        if recorded and path.is_file():
            paths.setdefault(recorded, path)
        else:
            problems.append(Problem(
                str(file.path), 0, Severity.WARNING,
                f"could now be dated ({file.header.get('source')}'s numeric date order is known), but its digest "
                f"{recorded or '(none recorded)'} is not in the site: import it again to date it",
            ))
    return list(paths.values()), problems

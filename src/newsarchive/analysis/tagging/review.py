"""``newsarchive tags review``: the tags rules gave, for an editor to accept or reject.

People and organisations found by rule and places from the gazetteer are listed with the
number of articles that have them and a few lines of evidence, most articles first; an
editor adds a good one to ``tags.yaml`` (then it is curated, with aliases) or puts a wrong
spelling under ``reject:``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ...model.problems import Problems
from .article import tag_article
from .tagger import tagger_for

REVIEWED_ORIGINS = ("rule", "gazetteer")
REVIEWED_TYPES = ("person", "place", "organization")


@dataclass
class Reviewed:
    name: str
    type: str
    origin: str
    reason: str
    articles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def review(paths: Iterable[Path], taxonomy: Path, limit: int, problems: Problems) -> list[str]:
    tagger = tagger_for(taxonomy)
    problems.extend(tagger.taxonomy.problems)
    found: dict[tuple[str, str], Reviewed] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.error(str(path), 0, f"cannot read: {exc}")
            continue
        for tag in tag_article(text, tagger):
            if tag.origin not in REVIEWED_ORIGINS or tag.type not in REVIEWED_TYPES or not tag.matches:
                continue
            entry = found.setdefault((tag.type, tag.name), Reviewed(tag.name, tag.type, tag.origin, tag.reason))
            entry.articles.append(str(path))
            entry.evidence.extend(f"{path}:{m.line}: {m.text!r}" for m in tag.matches[:1])
    lines: list[str] = []
    by_type: dict[str, list[Reviewed]] = defaultdict(list)
    for entry in found.values():
        by_type[entry.type].append(entry)
    for kind in REVIEWED_TYPES:
        entries = sorted(by_type[kind], key=lambda e: (-len(e.articles), e.name.casefold()))
        if entries:
            lines.append(f"{kind} ({len(entries)} not in tags.yaml):")
        for entry in entries:
            why = f"{entry.origin}: {entry.reason}" if entry.reason else entry.origin
            lines.append(f"  {entry.name}: {len(entry.articles)} articles ({why})")
            lines.extend(f"    {line}" for line in entry.evidence[:limit])
    if not lines:
        lines.append("every person, place and organisation tag comes from tags.yaml")
    return lines

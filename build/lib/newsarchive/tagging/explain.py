"""Why an article has its tags, in words: ``newsarchive tags explain FILE.md``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .tagger import TagEvidence

ORIGINS = {"curated": "tags.yaml", "gazetteer": "gazetteer", "header": "Tags: header only"}


def explain(evidence: Iterable[TagEvidence]) -> list[str]:
    """One line per tag (type, name, where it is defined), then one per match or hand-given spelling."""
    lines: list[str] = []
    for tag in evidence:
        lines.append(f"{tag.type}: {tag.name} ({ORIGINS.get(tag.origin, tag.origin)})")
        for spelling in tag.given_as:
            lines.append(f"  given in the Tags: header as {spelling!r}")
        for match, times in Counter(tag.matches).items():  # in order of first appearance
            via = "" if match.spelling in (match.text, tag.name) else f" (spelt {match.spelling!r} in the taxonomy)"
            lines.append(f"  line {match.line}: {match.text!r}{via}" + (f" ({times} times)" if times > 1 else ""))
    return lines

"""Why an article has its tags, in words: ``newsarchive tags explain FILE.md``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .hits import Decision, TagEvidence

ORIGINS = {"curated": "tags.yaml", "gazetteer": "gazetteer", "rule": "found by a rule",
           "header": "Tags: header only"}
KINDS = {"demonym": " (demonym)", "surname": " (surname of a name met earlier)"}


def explain(evidence: Iterable[TagEvidence], decisions: Iterable[Decision] = ()) -> list[str]:
    """One line per tag (type, name, where it is defined), then one per match or hand-given
    spelling; then what was not taken or was removed, and why."""
    lines: list[str] = []
    for tag in evidence:
        where = ORIGINS.get(tag.origin, tag.origin)
        if tag.place_id:
            where += f", GeoNames {tag.place_id}"
        if tag.reason:
            where += f": {tag.reason}"
        lines.append(f"{tag.type}: {tag.name} ({where})")
        for spelling in tag.given_as:
            lines.append(f"  given in the Tags: header as {spelling!r}")
        for match, times in Counter(tag.matches).items():  # in order of first appearance
            via = "" if match.spelling in (match.text, tag.name) else f" (spelt {match.spelling!r} in the taxonomy)"
            lines.append(f"  line {match.line}: {match.text!r}{via}{KINDS.get(match.kind, '')}"
                         + (f" ({times} times)" if times > 1 else ""))
    notes = Counter(decisions)
    if notes:
        lines.append("not tagged:")
    for decision, times in notes.items():
        where = f"line {decision.line}: " if decision.line else ""
        lines.append(f"  {where}{decision.reason}" + (f" ({times} times)" if times > 1 else ""))
    return lines

"""The tags of one article file: those its header gives, plus those found in its title and body."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ...model.article_file import header_lines, metadata_list
from .furniture import furniture_lines
from .hits import Decision, Match, Rejection, TagEvidence
from .normalize import normal_key
from .tagger import Tagger, type_order

TAGS_FIELD = "tags"
EXCLUDE_FIELD = "exclude-tags"


def text_to_scan(text: str) -> tuple[str, dict[str, str]]:
    """The file with every header line but the title's value blanked, and the header fields.

    Blanking keeps each character where it was, so a hit's offset gives its line in the file.
    """
    return _blanked(text, header_lines(text))


def _blanked(text: str, entries: list) -> tuple[str, dict[str, str]]:
    """``text_to_scan`` of a text whose header lines are ``entries``; the body is not split or copied
    line by line, only the header is rewritten."""
    header: dict[str, str] = {}
    pieces = []
    for entry in entries:
        if entry.has_field:
            header[entry.key] = entry.value
        if entry.has_field and entry.key == "title":
            pieces.append(" " * (len(entry.name) + 1) + entry.line[len(entry.name) + 1:])
        else:
            pieces.append(" " * len(entry.line))
    blanked = "\n".join(pieces)
    return blanked + text[len(blanked):], header


def tag_article(text: str, tagger: Tagger, exclude: Iterable[str] = (),
                decisions: list[Decision] | None = None) -> list[TagEvidence]:
    """Every tag of an article file's text, once each, by type then name.

    Hand-given tags (``Tags:``, aliases allowed) are resolved to their canonical name and
    merged with the automatic ones; a tag in ``exclude`` or in the ``Exclude-Tags:`` header
    is dropped however it was found. Occurrences in page furniture (``furniture.py``) are not
    evidence, and a topic needs two distinct cue phrases or one in the title. What was not
    taken, and why, goes to ``decisions`` when one is given (``tags explain``).
    """
    notes: list[Decision] = [] if decisions is None else decisions
    entries = header_lines(text)  # read once: the header tells the scan, the title's line and the body's first
    scan, header = _blanked(text, entries)
    line_starts = starts_of_lines(scan)
    title_line = next((entry.number for entry in entries if entry.has_field and entry.key == "title"), 0)
    furniture = furniture_lines(scan, len(entries) + 1)
    tags: dict[str, TagEvidence] = {}
    for spelling in metadata_list(header.get(TAGS_FIELD, "")):
        name, kind, origin = tagger.resolve(spelling)
        tags.setdefault(normal_key(name), TagEvidence(name, kind, origin)).given_as.append(spelling)
    rejections: list[Rejection] = []
    for hit in tagger.find(scan, rejections):
        line = bisect_line(line_starts, hit.start)
        found = " ".join(text[hit.start:hit.end].split())
        if line in furniture:
            notes.append(Decision(line, found, f"not evidence: {found!r} is in page furniture"))
            continue
        key = normal_key(hit.tag)
        evidence = tags.get(key)
        if evidence is None:  # not setdefault: a tag is met several times, its record made once
            evidence = tags[key] = TagEvidence(hit.tag, hit.type, hit.origin, place_id=hit.place_id,
                                               reason=hit.reason)
        evidence.matches.append(Match(line, found, hit.spelling, hit.kind))
    for rejection in rejections if decisions is not None else ():  # only ``tags explain`` reads them
        notes.append(Decision(bisect_line(line_starts, rejection.start),
                              " ".join(text[rejection.start:rejection.end].split()), f"rejected: {rejection.reason}"))
    for key, evidence in list(tags.items()):
        if evidence.type != "topic" or evidence.given or not evidence.matches:
            continue
        cues = {normal_key(m.text) for m in evidence.matches}
        if len(cues) < 2 and not any(
                m.line == title_line for m in evidence.matches):
            first = evidence.matches[0]
            notes.append(Decision(first.line, first.text, f"not tagged {evidence.name}: a topic needs two distinct "
                                                          "cue phrases or one in the title"))
            del tags[key]
    removed = {normal_key(tagger.resolve(s)[0]): "EXCLUDE_TAGS" for s in exclude}
    removed |= {normal_key(tagger.resolve(s)[0]): "the Exclude-Tags: header"
                for s in metadata_list(header.get(EXCLUDE_FIELD, ""))}
    for key, where in removed.items():
        if key in tags:
            notes.append(Decision(0, tags[key].name, f"removed {tags[key].name} by {where}"))
    kept = [e for key, e in tags.items() if key not in removed]
    return sorted(kept, key=lambda e: (type_order(e.type), e.name.casefold(), e.name))


def starts_of_lines(text: str) -> list[int]:
    """The offset of each line's first character."""
    starts = [0]
    newline = text.find("\n")
    while newline >= 0:
        starts.append(newline + 1)
        newline = text.find("\n", newline + 1)
    return starts


def bisect_line(line_starts: list[int], offset: int) -> int:
    """The 1-based line holding ``offset``."""
    return bisect.bisect_right(line_starts, offset)

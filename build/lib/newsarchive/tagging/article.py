"""The tags of one article file: those its header gives, plus those found in its title and body."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from .normalize import normal_key
from .tagger import Match, TagEvidence, Tagger, type_order

TAGS_FIELD = "tags"
EXCLUDE_FIELD = "exclude-tags"


def metadata_list(value: str) -> list[str]:
    """Split a header list as Pelican does: on ``;`` when there is one, else on ``,``."""
    parts = value.split(";") if ";" in value else value.split(",")
    return [p.strip() for p in parts if p.strip()]


def text_to_scan(text: str) -> tuple[str, dict[str, str]]:
    """The file with every header line but the title's value blanked, and the header fields.

    Blanking keeps each character where it was, so a hit's offset gives its line in the file.
    """
    lines = text.split("\n")
    header: dict[str, str] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            break
        name, sep, value = line.partition(":")
        key = name.strip().lower()
        if sep:
            header[key] = value.strip()
        if sep and key == "title":
            lines[number] = " " * (len(name) + 1) + value
        else:
            lines[number] = " " * len(line)
    return "\n".join(lines), header


def tag_article(text: str, tagger: Tagger, exclude: Iterable[str] = ()) -> list[TagEvidence]:
    """Every tag of an article file's text, once each, by type then name.

    Hand-given tags (``Tags:``, aliases allowed) are resolved to their canonical name and
    merged with the automatic ones; a tag in ``exclude`` or in the ``Exclude-Tags:`` header
    is dropped however it was found.
    """
    scan, header = text_to_scan(text)
    line_starts = starts_of_lines(scan)
    tags: dict[str, TagEvidence] = {}
    for spelling in metadata_list(header.get(TAGS_FIELD, "")):
        name, kind, origin = tagger.resolve(spelling)
        tags.setdefault(normal_key(name), TagEvidence(name, kind, origin)).given_as.append(spelling)
    for spelling, start, end in tagger.find(scan):
        evidence = tags.setdefault(normal_key(spelling.tag), TagEvidence(spelling.tag, spelling.type, spelling.origin))
        line = bisect_line(line_starts, start)
        evidence.matches.append(Match(line, " ".join(text[start:end].split()), spelling.text))
    dropped = {normal_key(tagger.resolve(s)[0]) for s in [*exclude, *metadata_list(header.get(EXCLUDE_FIELD, ""))]}
    kept = [e for key, e in tags.items() if key not in dropped]
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

"""The no-text-lost check shared by the property tests and the bad-input corpus."""

from __future__ import annotations

import re
from pathlib import Path

from newsarchive.model.article_file import read_header, unescape_line
from newsarchive.model.records import Line

HEADER_FIELDS = ("title", "source", "authors", "byline-role", "original-url")


def written_text(content: Path) -> str:
    """Everything the import wrote that came from the digest, unescaped."""
    chunks = []
    for path in sorted(content.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        header = read_header(text)
        chunks += [header.get(k, "") for k in HEADER_FIELDS]
        body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
        chunks += [unescape_line(line.removeprefix("## ")) for line in body.splitlines()]
    return "\n".join(chunks)


def lost_lines(lines: list[Line], content: Path, skipped: set[int]) -> list[Line]:
    """The non-blank digest lines found nowhere in the written files (``skipped`` lines aside)."""
    found = written_text(content)
    flat = " ".join(found.split())
    words = set(re.findall(r"[^\s,;]+", found))
    lost = []
    for line in lines:
        if line.is_blank or line.number in skipped:
            continue
        text = " ".join(line.text.split())
        if text in flat or _kept_as_attribution(text, words):
            continue
        lost.append(line)
    return lost


def _kept_as_attribution(line: str, words: set[str]) -> bool:
    """An attribution line is kept as its values: the outlet after "Source:", role and names after "By"."""
    value = re.sub(r"^(?:Source\s*:|By)\s*", "", line, flags=re.IGNORECASE)
    return value != line and all(w in words for w in re.findall(r"[^\s,]+", value) if w != "and")

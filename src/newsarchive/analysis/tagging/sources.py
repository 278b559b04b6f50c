"""The curated list of news sources (``taxonomy/sources.yaml``): names, aliases, domains."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ...model.problems import Problem
from .yamlentries import read_entries, string_list


@dataclass(frozen=True)
class SourceEntry:
    name: str
    aliases: tuple[str, ...] = ()
    homepage: str | None = None
    domains: tuple[str, ...] = ()
    line: int = 0


@dataclass
class SourceList:
    """Known sources, looked up by any spelling or by a URL's domain."""

    entries: list[SourceEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_spelling: dict[str, SourceEntry] = {}
        self._by_domain: dict[str, SourceEntry] = {}
        for entry in self.entries:
            for spelling in (entry.name, *entry.aliases):
                self._by_spelling.setdefault(_fold(spelling), entry)
            for domain in entry.domains:
                self._by_domain.setdefault(domain.lower().removeprefix("www."), entry)

    def find(self, spelling: str) -> SourceEntry | None:
        return self._by_spelling.get(_fold(spelling))

    def canonical(self, spelling: str) -> str:
        entry = self.find(spelling)
        return entry.name if entry else spelling

    def by_url(self, url: str) -> SourceEntry | None:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        parts = host.split(".")
        for start in range(len(parts) - 1):  # m.youtube.com -> youtube.com
            entry = self._by_domain.get(".".join(parts[start:]))
            if entry:
                return entry
        return None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def load_sources(path: Path) -> SourceList:
    """Read ``sources.yaml``; a missing file is an empty list, a bad entry a problem."""
    read = read_entries(path, "sources", "a source")
    entries: list[SourceEntry] = []
    seen: dict[str, int] = {}
    for entry in read.entries:
        data, line = entry.data, entry.line
        name = data["name"].strip()
        if _fold(name) in seen:
            read.error(line, f"source {name!r} is already defined at line {seen[_fold(name)]}")
            continue
        seen[_fold(name)] = line
        entries.append(
            SourceEntry(
                name=name,
                aliases=string_list(data.get("aliases")),
                homepage=data.get("homepage"),
                domains=string_list(data.get("domains")),
                line=line,
            )
        )
    return SourceList(entries, read.problems)

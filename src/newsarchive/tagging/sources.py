"""The curated list of news sources (``taxonomy/sources.yaml``): names, aliases, domains."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..problems import Problem, Severity


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
    if not path.exists():
        return SourceList()
    problems: list[Problem] = []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 0
        return SourceList([], [Problem(str(path), line, Severity.ERROR, f"not valid YAML: {exc}")])
    entries: list[SourceEntry] = []
    items = _mapping_get(root, "sources")
    if items is None or not isinstance(items, yaml.SequenceNode):
        problems.append(Problem(str(path), 1, Severity.ERROR, "expected a top-level 'sources:' list"))
        return SourceList([], problems)
    seen: dict[str, int] = {}
    for node in items.value:
        line = node.start_mark.line + 1
        data = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.MappingNode) else None
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            problems.append(Problem(str(path), line, Severity.ERROR, "a source needs a 'name'"))
            continue
        name = data["name"].strip()
        if _fold(name) in seen:
            problems.append(
                Problem(str(path), line, Severity.ERROR, f"source {name!r} is already defined at line {seen[_fold(name)]}")
            )
            continue
        seen[_fold(name)] = line
        entries.append(
            SourceEntry(
                name=name,
                aliases=tuple(str(a) for a in data.get("aliases") or ()),
                homepage=data.get("homepage"),
                domains=tuple(str(d) for d in data.get("domains") or ()),
                line=line,
            )
        )
    return SourceList(entries, problems)


def _mapping_get(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None

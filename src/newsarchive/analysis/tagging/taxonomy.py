"""The curated tags (``taxonomy/tags.yaml``): name, type, aliases and an optional description.

A place may give its GeoNames id (``geonames: 172955``) when its name alone would pick
another place of the gazetteer; a top-level ``reject:`` list holds spellings never to tag
("Saña"), whichever tag they would give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...model.problems import Problem
from .normalize import normal_key
from .yamlentries import read_entries, string_list, top_level_strings

TAG_TYPES = ("place", "organization", "person", "topic")


@dataclass(frozen=True)
class TagEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    line: int = 0
    geonames: int | None = None  # a place's GeoNames id, when given

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Taxonomy:
    """The curated tags, looked up by any of their spellings in normal form."""

    entries: list[TagEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reject: tuple[str, ...] = ()  # spellings never to tag

    def __post_init__(self) -> None:
        self._by_key: dict[str, TagEntry] = {}
        for entry in self.entries:
            for spelling in entry.spellings:
                self._by_key.setdefault(normal_key(spelling), entry)

    def find(self, spelling: str) -> TagEntry | None:
        return self._by_key.get(normal_key(spelling))

    def claims(self, key: str) -> bool:
        """Whether a curated tag spells a name this way (then the gazetteer's entry is not used)."""
        return key in self._by_key


def load_taxonomy(path: Path) -> Taxonomy:
    """Read ``tags.yaml``; a missing file is an empty taxonomy, a bad entry a problem.

    Checked: every tag has a known type, no name is given twice, and no spelling (name or
    alias, compared in normal form) belongs to two tags.
    """
    read = read_entries(path, "tags", "a tag")
    entries: list[TagEntry] = []
    owners: dict[str, tuple[str, int]] = {}  # spelling in normal form -> (tag name, line)
    for item in read.entries:
        data, line = item.data, item.line
        name = " ".join(data["name"].split())
        kind = data.get("type")
        if kind not in TAG_TYPES:
            read.error(line, f"tag {name!r} has type {kind!r}; expected one of: {', '.join(TAG_TYPES)}")
            continue
        key = normal_key(name)
        if key in owners:
            other, other_line = owners[key]
            if normal_key(other) == key:
                read.error(line, f"tag {name!r} is already defined at line {other_line}")
            else:
                read.error(line, f"tag {name!r} is already an alias of tag {other!r} (line {other_line})")
            continue
        aliases: list[str] = []
        for alias in string_list(data.get("aliases")):
            alias = " ".join(alias.split())
            alias_key = normal_key(alias)
            if alias_key == key or alias_key in (normal_key(a) for a in aliases):
                aliases.append(alias)  # the same spelling with other capitals: "Al-Qaeda", "al Qaeda"
                continue
            if alias_key in owners:
                other, other_line = owners[alias_key]
                read.error(line, f"alias {alias!r} of tag {name!r} is already claimed by {other!r} (line {other_line})")
                continue
            aliases.append(alias)
        owners[key] = (name, line)
        for alias in aliases:
            owners[normal_key(alias)] = (name, line)
        description = data.get("description")
        geonames = data.get("geonames")
        if geonames is not None and (not isinstance(geonames, int) or kind != "place"):
            read.error(line, f"tag {name!r}: 'geonames' must be the GeoNames id (a number) of a place")
            geonames = None
        entries.append(TagEntry(name, kind, tuple(aliases), str(description) if description else None, line,
                                geonames))
    reject = top_level_strings(read, "reject")
    return Taxonomy(entries, read.problems, reject)

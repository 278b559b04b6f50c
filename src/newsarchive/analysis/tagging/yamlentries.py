"""A taxonomy file: a YAML list of entries under one top-level key, each with its line number.

Shared by ``sources.yaml`` and ``tags.yaml``: both report problems as ``path:line``, which
plain ``yaml.safe_load`` cannot do, so the file is composed into nodes first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ...model.problems import Problem, Severity


@dataclass(frozen=True)
class Entry:
    """One list item of a taxonomy file: its fields and the 1-based line it starts on."""

    data: dict
    line: int


@dataclass
class EntryFile:
    path: Path
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    root: object = None  # the file's top-level node, for other keys than the list's

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(str(self.path), line, Severity.ERROR, message))


def read_entries(path: Path, key: str, what: str) -> EntryFile:
    """The entries of the ``key:`` list in ``path``; each needs a string ``name``.

    A missing file has no entries; an entry without a name is a problem, not an entry.
    ``what`` names one entry in messages ("a source needs a 'name'").
    """
    result = EntryFile(path)
    if not path.exists():
        return result
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        result.error(mark.line + 1 if mark else 0, f"not valid YAML: {exc}")
        return result
    result.root = root
    items = _mapping_get(root, key)
    if not isinstance(items, yaml.SequenceNode):
        result.error(1, f"expected a top-level '{key}:' list")
        return result
    for node in items.value:
        line = node.start_mark.line + 1
        data = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.MappingNode) else None
        if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"].strip():
            result.error(line, f"{what} needs a 'name'")
            continue
        result.entries.append(Entry(data, line))
    return result


def string_list(value) -> tuple[str, ...]:
    """A field that may be left out, one string, or a list of strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def top_level_strings(read: EntryFile, key: str) -> tuple[str, ...]:
    """A top-level list of strings other than the entries (``reject:`` in ``tags.yaml``), or ()."""
    node = _mapping_get(read.root, key)
    if node is None:
        return ()
    value = yaml.safe_load(yaml.serialize(node))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        read.error(node.start_mark.line + 1, f"'{key}:' must be a list of spellings")
        return ()
    return tuple(value)


def _mapping_get(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None

"""Syndication groups (one text run by several outlets) and the word-level difference of each pair.

The import finds the copies (near-identical text from another source) and records them in
each later copy's ``Same-Text-As``; here those links become groups, transitively (three
outlets running one story are one group, whichever of them names which), and each pair's
texts are compared word by word with :mod:`difflib`, the standard library's sequence matcher.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class DiffPart:
    """A run of words: the same in both texts (``equal``), or only in the first, the second, or replaced."""

    op: str  # "equal", "delete" (only in a), "insert" (only in b), "replace"
    a: str
    b: str


@dataclass(frozen=True)
class WordDiff:
    parts: tuple[DiffPart, ...]
    identical: float  # 0-100: the share of words the two texts have in common, in order

    @property
    def percent(self) -> int:
        """Rounded down, so that only texts identical word for word say 100 %."""
        return int(self.identical) if self.identical < 100 else 100

    @property
    def changed(self) -> int:
        return sum(1 for part in self.parts if part.op != "equal")


def word_diff(a: str, b: str) -> WordDiff:
    """The word-level difference of two texts (whitespace is not a difference)."""
    words_a, words_b = a.split(), b.split()
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    parts = tuple(
        DiffPart(op, " ".join(words_a[i1:i2]), " ".join(words_b[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )
    same = sum(block.size for block in matcher.get_matching_blocks())
    total = len(words_a) + len(words_b)
    identical = 100.0 if total == 0 else 200.0 * same / total
    return WordDiff(parts, identical)


def syndication_groups(links: Iterable[tuple[str, str]], known: set[str]) -> list[list[str]]:
    """Groups of keys joined by ``links`` (either way round), each sorted, largest first.

    Links to keys not in ``known`` (an article removed since) are left out.
    """
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in links:
        if a in known and b in known and a != b:
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for key in parent:
        groups.setdefault(root(key), []).append(key)
    return sorted((sorted(group) for group in groups.values() if len(group) > 1), key=lambda g: (-len(g), g))

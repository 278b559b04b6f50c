"""The records of tagging: a spelling of a tag, a hit in a text, a rejected occurrence, a tag's evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .gazetteer import GazetteerPlace


class Spelling(NamedTuple):  # a named tuple: the stored tagger holds 100,000, loaded fastest so
    """One way of writing one tag, as the taxonomy or the gazetteer gives it."""

    tag: str
    type: str
    text: str
    origin: str  # "curated" or "gazetteer"
    cased: str = ""  # the normal form, capitals kept
    kind: str = "name"  # "name", "demonym" (a country's adjective), "context" (a US state: never a tag)
    places: tuple[GazetteerPlace, ...] = ()  # the gazetteer's places of this name, most people first
    place_id: int | None = None  # a curated place's GeoNames id
    alternate_for: frozenset[int] = frozenset()  # the places of ``places`` this is only an alternate name of


@dataclass(frozen=True)
class Hit:
    """One accepted occurrence of a tag in a text: which tag, by which rule, and where."""

    tag: str
    type: str
    origin: str  # "curated", "gazetteer" or "rule" (a person found by ``people.py``)
    spelling: str  # as the taxonomy or the gazetteer writes it
    start: int
    end: int
    kind: str = "name"  # "name", "demonym", "surname"
    place_id: int | None = None
    reason: str = ""  # for a rule's tag: the rule


@dataclass(frozen=True)
class Rejection:
    """An occurrence of a spelling that was not taken for a tag, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Match:
    """One piece of evidence: where a tag's spelling was found, and as written there."""

    line: int
    text: str
    spelling: str
    kind: str = "name"  # "name", "demonym" or "surname"


@dataclass
class TagEvidence:
    """A tag of one article: given in its ``Tags:`` header, found in its text, or both."""

    name: str
    type: str
    origin: str  # "curated", "gazetteer", "rule" or "header" (a hand-given tag the taxonomy does not know)
    given_as: list[str] = field(default_factory=list)  # the spellings of the ``Tags:`` header
    matches: list[Match] = field(default_factory=list)
    place_id: int | None = None  # the GeoNames id of a place, when known
    reason: str = ""  # for a tag found by a rule: the rule

    @property
    def given(self) -> bool:
        return bool(self.given_as)

    @property
    def automatic(self) -> bool:
        return bool(self.matches)


@dataclass(frozen=True)
class Decision:
    """Something ``tags explain`` tells besides the tags: a spelling not taken, a tag removed."""

    line: int
    text: str
    reason: str

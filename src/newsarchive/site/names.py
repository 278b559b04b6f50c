"""Authors' names for citations: split into given and family names by ``nameparser`` when that is
unambiguous, kept whole (CSL's ``literal``) otherwise.

Reference managers (Zotero, biblatex) sort and abbreviate by family name, so a name they can
split is worth splitting; a wrong split ("Press TV" as given name Press, family name TV) is worse
than none, so anything that may be an organisation, a title or several people stays literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nameparser import HumanName

# words that make a byline an organisation or a role, not one person's name
NOT_A_PERSON = frozenset(
    "staff reporter reporters correspondent correspondents editor editors desk team bureau agency agencies news "
    "press newsroom online media service services wire writer writers contributor contributors and & with".split()
)
MAX_WORDS = 4


@dataclass(frozen=True)
class PersonName:
    """One author: ``family`` and ``given`` when the name could be split, else ``literal`` alone."""

    literal: str
    family: str = ""
    given: str = ""
    suffix: str = ""

    @property
    def split(self) -> bool:
        return bool(self.family)

    def csl(self) -> dict:
        if not self.split:
            return {"literal": self.literal}
        name = {"family": self.family, "given": self.given}
        if self.suffix:
            name["suffix"] = self.suffix
        return name

    def inverted(self) -> str:
        """``Family, Given`` (``Family, Suffix, Given`` as BibTeX writes it), or the literal name."""
        if not self.split:
            return self.literal
        return ", ".join(part for part in (self.family, self.suffix, self.given) if part)


def person_name(text: str) -> PersonName:
    literal = " ".join(str(text).split())
    words = literal.split()
    if (
        not 2 <= len(words) <= MAX_WORDS
        or any(word.lower().strip(".,") in NOT_A_PERSON for word in words)
        or re.search(r"[\d,;/@()]", literal)
        or any(len(word) > 1 and word.isupper() and "." not in word for word in words)  # "TV", "AFP"
    ):
        return PersonName(literal)
    parsed = HumanName(literal)
    if parsed.title or parsed.nickname or not parsed.first or not parsed.last:
        return PersonName(literal)
    given = " ".join(part for part in (parsed.first, parsed.middle) if part)
    return PersonName(literal, family=parsed.last, given=given, suffix=parsed.suffix)

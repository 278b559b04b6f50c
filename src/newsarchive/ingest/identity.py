"""Which article file an imported article is: its identity across re-imports.

An article's identity is the input it came from plus a fingerprint of its text at first
import (``Identity: digests/2024-03-18.txt#3f9a0c1b22de``), recorded in its header. Neither
the title nor the position among same-titled siblings takes part, so a title fix, a date fix
(which moves the file to another year folder), removing or reordering siblings all leave the
article in its file, with its slug and URL.

A re-import matches the input's articles to the files recorded for that input, in passes
from the surest to the loosest, each keeping digest order among equals:

1. same text and same title;
2. same text (a title fix);
3. same title (an edit of the body);
4. text at least ``FUZZY_TEXT`` % alike by rapidfuzz's ratio (an edit of both).

An article matched by none is new; a file left unmatched is no longer in its input.
Files written before identities existed have no ``Identity``: their input is their ``Digest``.
An input outside the site that no file names (its folder moved, say) is matched, by the first
two passes only, to the files of another input of its name; those it matches take its key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from ..model.article_file import ArticleFile
from .digest.read import digest_name

FINGERPRINT_HEX = 12
FUZZY_TEXT = 80  # rapidfuzz ratio (0-100) from which an edited text is still the article it was
MIN_FUZZY_TEXT = 40  # shorter texts are matched by title or exact text only


def input_key(path: Path, site_root: Path) -> str:
    """The input as identities name it: its recorded name, and outside the site its folder too.

    ``Digest`` records a file outside the site by its name alone (output must not depend on
    where the files sit); two such inputs of one name in different folders would then share
    their articles. A short hash of the folder keeps them apart without writing the path.
    """
    name = digest_name(path, site_root)
    try:
        path.resolve().relative_to(site_root.resolve())
        return name
    except ValueError:
        folder = hashlib.sha256(str(path.resolve().parent).encode("utf-8")).hexdigest()[:8]
        return f"{name}@{folder}"


def key_of(file: ArticleFile) -> str:
    """The input an article file was imported from."""
    if file.identity and "#" in file.identity:
        return file.identity.rpartition("#")[0]
    return file.digest or ""


def rekeyed(identity: str, key: str) -> str:
    """The same identity under another input key (the input's folder moved): ``key#<its fingerprint>``."""
    return f"{key}#{identity.rpartition('#')[2]}"


def fingerprint(text: str, title: str) -> str:
    """A short hash of the article's normalised text (of its title when it has none)."""
    return hashlib.sha256((text or title).encode("utf-8")).hexdigest()[:FINGERPRINT_HEX]


def new_identity(key: str, text: str, title: str, taken: set[str]) -> str:
    """``key#fingerprint``, numbered ``-2``, ``-3`` ... when the same text is in the input twice."""
    base = f"{key}#{fingerprint(text, title)}"
    identity, number = base, 1
    while identity in taken:
        number += 1
        identity = f"{base}-{number}"
    taken.add(identity)
    return identity


@dataclass
class Candidate:
    """An article file of the input being re-imported, as matching sees it."""

    file: ArticleFile
    title: str
    text: str


@dataclass
class Incoming:
    """An article just read from the input, as matching sees it."""

    title: str
    text: str


def match(incoming: Sequence[Incoming], candidates: Sequence[Candidate], same_text_only: bool = False
          ) -> dict[int, Candidate]:
    """Which candidate each incoming article (by index) is; the unmatched ones are absent.

    ``same_text_only``: the first two passes alone (for files that may be another input's).
    """
    found: dict[int, Candidate] = {}
    free = list(candidates)
    titles = {id(item): " ".join(item.title.split()) for item in [*incoming, *candidates]}  # as headers hold them

    def run_pass(same) -> None:
        for index, article in enumerate(incoming):
            if index in found:
                continue
            for position, candidate in enumerate(free):
                if same(article, candidate):
                    found[index] = free.pop(position)
                    break

    run_pass(lambda a, c: a.text == c.text and titles[id(a)] == titles[id(c)])
    run_pass(lambda a, c: bool(a.text) and a.text == c.text)
    if same_text_only:
        return found
    run_pass(lambda a, c: titles[id(a)] == titles[id(c)])
    for index, article in enumerate(incoming):
        if index in found or len(article.text) < MIN_FUZZY_TEXT or not free:
            continue
        scores = [fuzz.ratio(article.text, c.text) if len(c.text) >= MIN_FUZZY_TEXT else 0 for c in free]
        best = max(range(len(free)), key=lambda i: scores[i])
        if scores[best] >= FUZZY_TEXT:
            found[index] = free.pop(best)
    return found


def digest_order(file: ArticleFile) -> tuple[int, str]:
    """Where a file's article stood in its input (its first digest line), to keep that order."""
    first = (file.header.get("digest-lines") or "").partition("-")[0]
    return (int(first) if first.isdigit() else 0, file.path.name)

"""Stable, unique slugs for articles."""

from __future__ import annotations

from collections.abc import Callable

from pelican.utils import slugify

MAX_SLUG_LENGTH = 80
SLUG_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]


def base_slug(title: str) -> str:
    """ASCII slug of a title, cut at a word boundary; "article" when nothing is left."""
    slug = slugify(title, regex_subs=SLUG_SUBSTITUTIONS).strip("-_")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug or "article"


def unique_slug(base: str, taken: Callable[[str], bool], used: set[str]) -> str:
    """The first of ``base``, ``base-2``, ... not used in this run nor ``taken`` by a file in ``content/``.

    A re-imported article keeps the slug of the file it was (``identity``), so only new
    articles come here, and they never take a slug a file already has.
    """
    number = 1
    while True:
        candidate = base if number == 1 else f"{base}-{number}"
        if candidate not in used and not taken(candidate):
            used.add(candidate)
            return candidate
        number += 1

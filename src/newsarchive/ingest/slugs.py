"""Stable, unique slugs for articles.

A slug is what Pelican's own ``slugify`` makes of the title (with the substitutions below), so
that a file's name reads like the URLs Pelican makes of other names. The import side never
imports Pelican (an import-linter contract), so :func:`slugify` is that function's few lines,
on the same two libraries Pelican uses (MarkupSafe, Unidecode);
``tests/ingest/test_slugs.py`` checks on generated titles that both give the same slug, so an
upgrade of Pelican that changes its slugify fails a test instead of drifting.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from markupsafe import Markup
from unidecode import unidecode

MAX_SLUG_LENGTH = 80
SLUG_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]


def slugify(value: str, regex_subs=()) -> str:
    """``pelican.utils.slugify(value, regex_subs)`` (Pelican 4.12), with its other arguments at their defaults."""
    value = unicodedata.normalize("NFKC", Markup(value).striptags())
    value = unidecode(value)
    for pattern, replacement in regex_subs:
        value = re.sub(unicodedata.normalize("NFKC", pattern), unicodedata.normalize("NFKC", replacement), value,
                       flags=re.IGNORECASE)
    return value.lower().strip()


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

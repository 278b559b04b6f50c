"""Pelican's slugs of tag, author and category names, each computed once per build process.

Pelican makes a new tag (author, category) object for each article that names it, and each
object slugifies its name on first use (``URLWrapper.slug``, and again to compare two of
them): at 10,000 articles about 80,000 calls of ``slugify`` for a few thousand names, 1.6 s
of each build. ``slugify`` is a function of its arguments alone, so the ``slugify`` that
``pelican.urlwrappers`` calls is Pelican's own behind a memo (installed at ``register``).
"""

from __future__ import annotations

from functools import lru_cache

import pelican.urlwrappers
from pelican.utils import slugify

KEPT = 1 << 16  # names remembered: more than a site of 100,000 articles has


def install() -> None:
    pelican.urlwrappers.slugify = remembered_slugify


def remembered_slugify(value, regex_subs=(), preserve_case: bool = False, use_unicode: bool = False):
    """Pelican's ``slugify``, computed once for the same arguments."""
    try:
        subs = tuple((src, dst) for src, dst in regex_subs)
        return _slugify(value, subs, preserve_case, use_unicode)
    except TypeError:  # an argument that cannot be a key (not a string, a substitution not a pair)
        return slugify(value, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode)


@lru_cache(maxsize=KEPT)
def _slugify(value: str, regex_subs: tuple, preserve_case: bool, use_unicode: bool) -> str:
    return slugify(value, regex_subs=list(regex_subs), preserve_case=preserve_case, use_unicode=use_unicode)

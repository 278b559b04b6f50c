"""What every build needs of every article but only its file decides, worked out once, when the
article is first read, and kept with it in the article store (``article_store.py``).

- The static files its body links to (Pelican's ``get_static_links``, which every build asks
  of every article and which unpacks and scans the whole body).
- What the features declare with ``remember_at_read`` (the story clusters: the hash of the
  text they count, whose words are cached under it; finding it unpacks the body too).

At 10,000 articles a one-article edit did both for every article (about 1.5 s). They are
kept in the article's ``__dict__`` under names (``REMEMBERED_PREFIX``) a page's fingerprint
skips: they are not data a page shows, and the file's hash already covers them.
"""

from __future__ import annotations

from .declarations import at_read

STATIC_LINKS = "_newsarchive_static_links"  # frozenset of paths
REMEMBERED_PREFIX = "_newsarchive_read_"  # + the name a feature gave: what it worked out when the file was read


def remember(article) -> None:
    """Called by the article store before it stores a newly read article."""
    found = vars(article)
    found[STATIC_LINKS] = frozenset(article.get_static_links())
    for name, work_out in at_read().items():
        found[REMEMBERED_PREFIX + name] = work_out(article)


def is_remembered(attribute: str) -> bool:
    return attribute == STATIC_LINKS or attribute.startswith(REMEMBERED_PREFIX)


def static_links(article) -> frozenset[str] | None:
    return vars(article).get(STATIC_LINKS)


def remembered(article, name: str):
    """What ``remember_at_read(name, ...)`` worked out when the article was read; None when it was not
    read in a build with the article store (then the feature works it out itself)."""
    return vars(article).get(REMEMBERED_PREFIX + name)

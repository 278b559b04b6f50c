"""What every build needs of every article but only its file decides, worked out once, when the
article is first read, and kept with it in the article store (``article_store.py``).

- The static files its body links to (Pelican's ``get_static_links``, which every build asks
  of every article and which unpacks and scans the whole body).
- The hash of the text the story clusters count (its title and plain body), under which
  its words are cached (``clusters.py``): finding it unpacks the body too.

At 10,000 articles a one-article edit did both for every article (about 1.5 s). They are
kept in the article's ``__dict__`` under names a page's fingerprint skips: they are not data
a page shows, and the file's hash already covers them.
"""

from __future__ import annotations

STATIC_LINKS = "_newsarchive_static_links"  # frozenset of paths
TEXT_KEY = "_newsarchive_text_key"  # (title, key): the key holds while the title is the one read
REMEMBERED = frozenset({STATIC_LINKS, TEXT_KEY})


def remember(article) -> None:
    """Called by the article store before it stores a newly read article."""
    from .clusters import article_text, text_key

    found = vars(article)
    found[STATIC_LINKS] = frozenset(article.get_static_links())
    found[TEXT_KEY] = (article.title, text_key(article_text(article)))


def static_links(article) -> frozenset[str] | None:
    return vars(article).get(STATIC_LINKS)


def cluster_text_key(article) -> str | None:
    remembered = vars(article).get(TEXT_KEY)
    return remembered[1] if remembered is not None and remembered[0] == article.title else None

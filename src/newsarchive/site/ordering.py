"""A deterministic article order: newest first, undated last, then by title and slug.

Pelican sorts by date alone and reads files in directory order, so articles sharing a date
(every undated one does) would otherwise change places between machines.
"""

from __future__ import annotations

from operator import attrgetter


def article_sort_key(article) -> tuple[str, str]:
    return (str(article.title).casefold(), str(getattr(article, "slug", "")))


def order_articles(generator) -> None:
    for name in ("articles", "translations", "hidden_articles", "drafts"):
        items = getattr(generator, name, None)
        if items:
            items.sort(key=article_sort_key)
            items.sort(key=attrgetter("date"), reverse=True)

"""Pelican's tag, category and author pages pick their articles' dates with
``[article for article in self.dates if article in articles]``: a list scan per article, so
quadratic in the site's size (a tag on half of 10,000 articles costs 50 million comparisons,
the one default category 100 million). After aggregation each of those article lists becomes
an :class:`ArticleList`, whose ``in`` is a set lookup; everything else about it is the list.
"""

from __future__ import annotations

from collections import defaultdict


class ArticleList(list):
    """A list of articles that answers ``in`` by identity, like a list of objects without ``__eq__``."""

    def __init__(self, articles=()):
        super().__init__(articles)
        self._members: set[int] = set()
        self._counted = -1  # the length the member set was made for

    def __contains__(self, article) -> bool:
        if self._counted < 0:  # new, or changed since: count again
            self._members = {id(member) for member in self}
            self._counted = len(self)
        return id(article) in self._members


def _recounting(name: str):
    method = getattr(list, name)

    def changed(self, *args, **kwargs):
        self._counted = -1
        return method(self, *args, **kwargs)

    changed.__name__ = name
    return changed


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "__setitem__", "__delitem__", "__iadd__"):
    setattr(ArticleList, _name, _recounting(_name))


def index_article_lists(generator) -> None:
    """``article_generator_finalized``: the tag, category and author lists answer ``in`` at once."""
    generator.tags = defaultdict(ArticleList, ((tag, ArticleList(items)) for tag, items in generator.tags.items()))
    generator.categories = [(category, ArticleList(articles)) for category, articles in generator.categories]
    generator.authors = [(author, ArticleList(articles)) for author, articles in generator.authors]

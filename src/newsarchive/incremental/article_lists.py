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
        self._members: set[int] | None = None  # made on the first ``in``, dropped by any change

    def __contains__(self, article) -> bool:
        if self._members is None:
            self._members = {id(member) for member in self}
        return id(article) in self._members


def _recounting(name: str):
    method = getattr(list, name)

    def changed(self, *args, **kwargs):
        self._members = None
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

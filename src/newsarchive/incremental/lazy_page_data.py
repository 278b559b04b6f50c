"""Per-article data only the article's own page shows, made when that page is rendered, when
every plugin has had its say, and let go once it is written (what a feature marks ``kept``
stays: ``citation``, for ``citations.json``).

The features declare each such datum with ``page_data(name, make)``. An article of the speed
layer's own kind (:class:`PageData`, which ``pelican_patches.PackedArticle`` is) makes each
of them on first read: a page whose fingerprint did not change is not rendered, so a
one-article edit makes them for one article instead of 10,000. Any other article gets them
from the features just before its page is written.
"""

from __future__ import annotations

from .declarations import page_data_makers, version


class _MadeOnFirstRead:
    """``functools.cached_property`` for a declared datum: made once, then kept in the ``__dict__``."""

    def __init__(self, name: str, make):
        self.name, self.make = name, make

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.make(instance)
        return value


class PageData:
    """An article whose page data is made on first read (Pelican's content classes keep attributes in
    ``__dict__``, which is read before this class's descriptors)."""

    _declared = -1  # the declarations' version the descriptors were made for

    @classmethod
    def know_declared(cls) -> None:
        """The descriptors of the page data declared so far (called before each article is made:
        cheap unless something was declared since)."""
        if cls._declared == version():
            return
        for maker in page_data_makers():
            setattr(cls, maker.name, _MadeOnFirstRead(maker.name, maker.make))
        cls._declared = version()


def makes_page_data(content) -> bool:
    """Whether ``content`` makes its page data itself when its page reads it."""
    return isinstance(content, PageData)


def release_page_data(path, context=None) -> None:
    """``content_written``: an article page is written; its page data is not needed again (about
    4 KB an article, 40 MB at 10,000, held to the end of the build otherwise)."""
    article = (context or {}).get("article")
    if article is not None and getattr(article, "save_as", None) and path.endswith(article.save_as):
        for maker in page_data_makers():
            if not maker.kept:
                vars(article).pop(maker.name, None)

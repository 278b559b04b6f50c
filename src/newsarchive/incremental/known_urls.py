"""An article's ``url`` and ``save_as`` formatted once per build once they are final, not on every read.

Pelican formats them from the settings each time they are read (``Content.get_url_setting``:
a copy of the metadata, then ``str.format``), and a build reads them for every link to an
article: 7 s of a 10,000-article build. They depend on the article's metadata and the
settings, which no longer change once every generator has its context; from then on
(``all_generators_finalized``, :func:`fix_urls`) each is kept in the article the first time
it is read. The kept values are not part of the article's data: a page's fingerprint skips
them (``fingerprints._SKIPPED_ATTRIBUTES``) and a pickled article leaves them out.
"""

from __future__ import annotations

KNOWN_URLS = "_newsarchive_urls"  # in an article's ``__dict__``: setting key -> value, once final
_FIELDS = " url_format"  # under KNOWN_URLS: the fields the URL settings are formatted with (no setting's key)


class KnownURLs:
    """Pelican's ``get_url_setting``, kept once :func:`fix_urls` has said the URLs are final."""

    def get_url_setting(self, key: str) -> str:
        known = self.__dict__.get(KNOWN_URLS)
        if known is None:
            return super().get_url_setting(key)
        value = known.get(key)
        if value is None:
            value = known[key] = super().get_url_setting(key)
        return value

    @property
    def url_format(self) -> dict:
        """Pelican's fields for the URL settings (a copy of the metadata, the source path made
        relative), once for both the ``url`` and the ``save_as`` of an article whose URLs are final."""
        known = self.__dict__.get(KNOWN_URLS)
        if known is None:
            return super().url_format
        fields = known.get(_FIELDS)
        if fields is None:
            fields = known[_FIELDS] = super().url_format
        return fields

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop(KNOWN_URLS, None)
        return state


# Where Pelican's article and page generators hold their contents
_CONTENT_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                  "drafts_translations", "pages", "hidden_pages", "draft_pages", "draft_translations")


def fix_urls(generators) -> None:
    """``all_generators_finalized``: every article and page's URLs are final from here on."""
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, None) or ():
                if isinstance(content, KnownURLs):
                    content.__dict__.setdefault(KNOWN_URLS, {})

"""An article's URLs are formatted once they are final, and kept out of its data."""

from __future__ import annotations

import datetime
import pickle

from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

from newsarchive.incremental import known_urls, pelican_patches
from newsarchive.incremental.fingerprints import Hasher, Mode

SETTINGS = {**DEFAULT_CONFIG, "NEWSARCHIVE_CACHE": False}
CONTEXT = {"generated_content": {}, "static_content": {}}


def article(slug: str = "first") -> Article:
    metadata = {"title": "A title", "slug": slug, "date": datetime.datetime(2024, 1, 2)}
    made = Article("<p>Body.</p>", metadata=metadata, settings=dict(SETTINGS), source_path="content/a.md",
                   context=CONTEXT)
    pelican_patches.use_packed_fields(made)
    return made


class Generator:
    def __init__(self, **lists):
        self.__dict__.update(lists)


def test_urls_follow_the_metadata_until_every_generator_has_its_context():
    found = article()
    assert found.url == "first.html"
    found.slug = "second"
    assert found.url == "second.html" and found.save_as == "second.html"


def test_once_final_a_url_is_formatted_once_and_kept():
    found = article()
    known_urls.fix_urls([Generator(articles=[found])])
    assert found.url == "first.html"
    found.slug = "changed"  # nothing changes a final URL's inputs; if it did, the kept value would show
    assert found.url == "first.html"
    assert vars(found)[known_urls.KNOWN_URLS]["url"] == "first.html"


def test_once_final_the_url_and_save_as_are_formatted_from_the_fields_made_once(monkeypatch):
    found, made = article(), []
    monkeypatch.setattr(Article, "get_relative_source_path",
                        lambda self, path=None: made.append(path) or "a.md")  # what Pelican's fields need
    known_urls.fix_urls([Generator(articles=[found])])
    assert (found.url, found.save_as) == ("first.html", "first.html")
    assert len(made) == 1


def test_kept_urls_are_not_part_of_the_fingerprint_nor_pickled():
    before, after = article(), article()
    known_urls.fix_urls([Generator(articles=[after])])
    after.url  # noqa: B018 - read, as a template does
    assert Hasher().digest(before, Mode.WHOLE) == Hasher().digest(after, Mode.WHOLE)
    after.settings, after._context = {}, {}  # Pelican's settings hold functions
    assert known_urls.KNOWN_URLS not in vars(pickle.loads(pickle.dumps(after)))


def test_a_page_keeps_the_page_settings_for_its_urls():
    page = Page("<p>x</p>", metadata={"title": "About"}, settings=dict(SETTINGS), source_path="content/p.md",
                context=CONTEXT)
    pelican_patches.use_packed_fields(page)
    known_urls.fix_urls([Generator(pages=[page])])
    assert (page.url, page.save_as) == ("pages/about.html", "pages/about.html")

"""An article's page data is made when its page reads it and let go once the page is written; the
citation stays for citations.json. Plain Pelican articles get it from the features before the page is written."""

from types import SimpleNamespace

from newsarchive.incremental.declarations import page_data_makers
from newsarchive.incremental.lazy_page_data import PageData, release_page_data
from newsarchive.site import article_page_data
from newsarchive.site.article_page_data import attach_page_data

RELEASED = [maker.name for maker in page_data_makers() if not maker.kept]


def article():
    return SimpleNamespace(save_as="2024/01/a.html", jsonld={"@type": "NewsArticle"}, tag_groups=[1],
                           search=object(), citation="kept")


def test_the_features_declare_their_page_data():
    assert {maker.name for maker in page_data_makers()} == {"jsonld", "citation", "tag_groups", "search"}
    assert RELEASED == ["jsonld", "tag_groups", "search"]


def test_written_article_page_lets_its_page_data_go():
    found = article()
    release_page_data("/site/.output.building/2024/01/a.html", {"article": found})
    assert not any(hasattr(found, name) for name in RELEASED)
    assert found.citation == "kept"


def test_other_pages_naming_the_article_keep_it():
    found = article()
    release_page_data("/site/.output.building/tag/x.html", {"article": found})
    release_page_data("/site/.output.building/index.html", {})
    assert all(hasattr(found, name) for name in RELEASED)


class Made(PageData):
    """An article of the speed layer's kind, counting the page data it makes."""

    def __init__(self):
        self.settings = {"SITEURL": "https://archive.example.org"}
        self.url = self.save_as = "2024/01/a.html"
        self.made = []


def test_an_article_s_page_data_is_made_only_when_its_page_reads_it(monkeypatch):
    monkeypatch.setattr(article_page_data, "news_article",
                        lambda article, url: article.made.append(url) or {"url": url})
    monkeypatch.setattr(PageData, "_declared", ())
    PageData.know_declared()
    found = Made()
    attach_page_data(None, found)  # the signal before the page is written: nothing made yet
    assert found.made == [] and "jsonld" not in vars(found)
    assert found.jsonld == {"url": "https://archive.example.org/2024/01/a.html"}
    assert found.jsonld is found.jsonld and len(found.made) == 1
    release_page_data("/site/.output.building/2024/01/a.html", {"article": found})
    assert "jsonld" not in vars(found)


def test_articles_of_another_kind_get_their_page_data_before_the_page_is_written(monkeypatch):
    page_url = article_page_data.page_url
    monkeypatch.setitem(article_page_data.MAKERS, "jsonld", lambda article: {"url": page_url(article)})
    monkeypatch.setitem(article_page_data.MAKERS, "citation", lambda article: "cited")
    monkeypatch.setitem(article_page_data.MAKERS, "tag_groups", lambda article: ["groups"])
    monkeypatch.setitem(article_page_data.MAKERS, "search", lambda article: "searched")
    found = SimpleNamespace(settings={"SITEURL": ""}, url="a.html", title="A")
    attach_page_data(None, found)
    assert (found.jsonld, found.citation, found.tag_groups, found.search) == ({"url": "/a.html"}, "cited", ["groups"],
                                                                              "searched")

"""An article's page data is let go once its page is written; the citation stays for citations.json."""

from types import SimpleNamespace

from newsarchive.incremental import page_data
from newsarchive.incremental.page_data import PAGE_ONLY_DATA, PageData, attach_page_data, release_page_data


def article():
    return SimpleNamespace(save_as="2024/01/a.html", jsonld={"@type": "NewsArticle"}, tag_groups=[1],
                           search=object(), citation="kept")


def test_written_article_page_lets_its_page_data_go():
    found = article()
    release_page_data("/site/.output.building/2024/01/a.html", {"article": found})
    assert not any(hasattr(found, name) for name in PAGE_ONLY_DATA)
    assert found.citation == "kept"


def test_other_pages_naming_the_article_keep_it():
    found = article()
    release_page_data("/site/.output.building/tag/x.html", {"article": found})
    release_page_data("/site/.output.building/index.html", {})
    assert all(hasattr(found, name) for name in PAGE_ONLY_DATA)


class Made(PageData):
    """An article of newsarchive's kind, counting the page data it makes."""

    def __init__(self):
        self.settings = {"SITEURL": "https://archive.example.org"}
        self.url = self.save_as = "2024/01/a.html"
        self.made = []


def test_an_article_s_page_data_is_made_only_when_its_page_reads_it(monkeypatch):
    monkeypatch.setattr(page_data, "news_article", lambda article, url: article.made.append(url) or {"url": url})
    found = Made()
    attach_page_data(None, found)  # the signal before the page is written: nothing made yet
    assert found.made == [] and "jsonld" not in vars(found)
    assert found.jsonld == {"url": "https://archive.example.org/2024/01/a.html"}
    assert found.jsonld is found.jsonld and len(found.made) == 1
    release_page_data("/site/.output.building/2024/01/a.html", {"article": found})
    assert "jsonld" not in vars(found)


def test_articles_of_another_kind_get_their_page_data_before_the_page_is_written(monkeypatch):
    monkeypatch.setattr(page_data, "citation", lambda article, url: "cited")
    monkeypatch.setattr(page_data, "article_tag_groups", lambda article: ["groups"])
    monkeypatch.setattr(page_data, "_search_data", lambda article: "searched")
    found = SimpleNamespace(settings={"SITEURL": ""}, url="a.html", title="A")
    monkeypatch.setattr(page_data, "news_article", lambda article, url: {"url": url})
    attach_page_data(None, found)
    assert (found.jsonld, found.citation, found.tag_groups, found.search) == ({"url": "/a.html"}, "cited", ["groups"],
                                                                              "searched")

"""An article's page data is let go once its page is written; the citation stays for citations.json."""

from types import SimpleNamespace

from newsarchive.plugin.page_data import PAGE_ONLY_DATA, release_page_data


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

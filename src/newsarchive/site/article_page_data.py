"""What only an article's own page shows, made from the article once every plugin has had its say:
its JSON-LD, its citation, its tags by type and its search data.

Each is declared to the speed layer (``page_data``), which makes it when the page is rendered
(a page whose inputs did not change is not rendered, and makes none) and lets it go once the
page is written; ``citation`` is kept for ``citations.json``. An article the speed layer does
not make them for (plain Pelican's, without the speed layer) gets them all just before its
page is written.
"""

from __future__ import annotations

from ..incremental import makes_page_data, page_data
from .cite import citation
from .jsonld import news_article
from .search_data import search_data
from .tag_groups import article_tag_groups


def page_url(article) -> str:
    return f"{article.settings.get('SITEURL', '')}/{article.url}"


MAKERS = {
    "jsonld": lambda article: news_article(article, page_url(article)),
    "citation": lambda article: citation(article, page_url(article)),
    "tag_groups": article_tag_groups,
    "search": search_data,
}
for _name, _make in MAKERS.items():
    page_data(_name, _make, kept=_name == "citation")


def attach_page_data(generator, content) -> None:
    """``article_generator_write_article``: an article that does not make its page data on first read gets it now."""
    if makes_page_data(content):
        return
    for name, make in MAKERS.items():
        setattr(content, name, make(content))

"""A page's fingerprint changes exactly when something its templates can show changes."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from pelican.contents import Article, Page

from newsarchive.incremental.fingerprints import Hasher, page_fingerprint

TEMPLATES = {
    "teasers.html": "{% for a in articles %}<h2>{{ a.title }}</h2>{% endfor %}",
    "summaries.html": "{% for a in articles %}<h2>{{ a.title }}</h2>{{ a.summary }}{% endfor %}",
    "article.html": "{{ article.content }}{% for other, n in article.related_articles %}{{ other.title }}{% endfor %}",
    "page.html": '{% extends "base.html" %}{% block body %}{{ page.content }}{% endblock %}',
    "base.html": "<main>{% block body %}{% endblock %}</main>",
}


def _content(cls, title: str, body: str, source_path: str):
    made = cls.__new__(cls)  # the attributes a template reads, without Pelican's reader
    made.__dict__.update(title=title, _content=body, _summary=body[:20], source_path=source_path,
                         url=source_path.replace(".md", ".html"), related_articles=[])
    return made


def fingerprint(template: str, **context) -> str:
    environment = Environment(loader=DictLoader(TEMPLATES))
    context.setdefault("output_file", "x.html")
    return page_fingerprint(Hasher(), "environment", environment.get_template(template), context)


def test_a_teaser_list_ignores_bodies_but_not_titles():
    one, other = _content(Article, "One", "body one", "a/one.md"), _content(Article, "Two", "body two", "a/two.md")
    before = fingerprint("teasers.html", articles=[one, other])
    one._content = "body one, edited"
    assert fingerprint("teasers.html", articles=[one, other]) == before
    one.title = "One, renamed"
    assert fingerprint("teasers.html", articles=[one, other]) != before


def test_a_list_that_shows_summaries_changes_with_a_body():
    one = _content(Article, "One", "body one", "a/one.md")
    before = fingerprint("summaries.html", articles=[one])
    one._summary = "body one, edited"
    assert fingerprint("summaries.html", articles=[one]) != before


def test_an_article_page_follows_its_body_and_its_related_titles_not_their_bodies():
    one, other = _content(Article, "One", "body one", "a/one.md"), _content(Article, "Two", "body two", "a/two.md")
    one.related_articles = [(other, 2)]
    before = fingerprint("article.html", article=one)
    other._content = "body two, edited"
    assert fingerprint("article.html", article=one) == before
    other.title = "Two, renamed"
    assert fingerprint("article.html", article=one) != before
    after_rename = fingerprint("article.html", article=one)
    one._content = "body one, edited"
    assert fingerprint("article.html", article=one) != after_rename


def test_a_pelican_page_counts_whole_through_an_extended_template():
    page = _content(Page, "About", "about us", "pages/about.md")
    before = fingerprint("page.html", page=page)
    page._content = "about us, edited"
    assert fingerprint("page.html", page=page) != before


def test_a_template_named_at_render_time_gives_no_fingerprint():
    environment = Environment(loader=DictLoader({"dynamic.html": "{% include name %}"}))
    assert page_fingerprint(Hasher(), "e", environment.get_template("dynamic.html"), {"name": "x"}) is None

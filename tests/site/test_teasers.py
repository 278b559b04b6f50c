"""A list shows each article as a teaser, rendered once per build however many lists show it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

from newsarchive.incremental.fingerprints import template_use
from newsarchive.model.packaged import TEMPLATES
from newsarchive.site import teasers


@pytest.fixture()
def environment():
    teasers.forget()
    made = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    teasers.install(SimpleNamespace(env=made))
    yield made
    teasers.forget()


def article(title: str):
    return SimpleNamespace(title=title, url=f"articles/{title.lower()}.html", published=None, source=None,
                           authors=[], byline_role=None, tags=[])


@pytest.fixture()
def rendered(environment, monkeypatch) -> list[str]:
    """The names of the templates rendered on their own (a teaser's, each time it is rendered)."""
    names: list[str] = []
    template = environment.get_template(teasers.TEASER_TEMPLATE)
    real = type(template).render
    monkeypatch.setattr(type(template), "render",
                        lambda self, *a, **k: names.append(self.name) or real(self, *a, **k))
    return names


def render_list(environment, articles, siteurl=""):
    return environment.get_template("partials/article_list.html").render(
        articles=articles, articles_page=None, SITEURL=siteurl)


def test_each_teaser_is_rendered_once_for_all_the_lists_that_show_it(environment, rendered):
    one, two = article("Harbour"), article("Valley")
    first = render_list(environment, [one, two])
    second = render_list(environment, [two])
    assert rendered.count(teasers.TEASER_TEMPLATE) == 2
    assert first.count('class="teaser"') == 2 and second.count('class="teaser"') == 1
    assert "articles/valley.html" in second and "&lt;" not in first


def test_a_teaser_is_escaped_and_depends_on_its_heading_and_the_site_address(environment):
    hostile = article("<script>x</script>")
    shown = render_list(environment, [hostile], siteurl="..")
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert 'href="../articles/' in shown
    assert 'href="/articles/' in render_list(environment, [hostile])
    h3 = environment.from_string('{% set list_heading = "h3" %}{% include "partials/article_list.html" %}')
    assert "<h3 " in h3.render(articles=[hostile], articles_page=None, SITEURL="..")


def test_a_new_build_renders_its_own_teasers(environment):
    found = article("Harbour")
    render_list(environment, [found])
    found.title = "Harbour reopened"
    teasers.forget()  # what ``initialized`` does at the start of the next build
    assert "Harbour reopened" in render_list(environment, [found])


def test_a_list_page_fingerprint_counts_what_its_teasers_show(environment):
    use = template_use(environment, "partials/article_list.html")
    assert {"title", "url", "tags", "authors", "source"} <= use.attributes


def test_one_teaser_serves_every_depth_of_page_with_its_own_site_address(environment, rendered):
    harbour = article("Harbour")
    harbour.tags = [SimpleNamespace(name="Port", url="tags/port.html")]
    shown = {siteurl: render_list(environment, [harbour], siteurl=siteurl) for siteurl in (".", "..", "../..", "a&b")}
    assert rendered.count(teasers.TEASER_TEMPLATE) == 1
    assert 'href="../../articles/harbour.html"' in shown["../.."] and 'href="../../tags/port.html"' in shown["../.."]
    assert 'href="./articles/harbour.html"' in shown["."]
    assert 'href="a&amp;b/articles/harbour.html"' in shown["a&b"], "escaped as {{ SITEURL }} prints it"
    assert "\x00" not in "".join(shown.values())


def test_no_article_text_can_pass_for_the_site_address(environment):
    odd = article("Odd \x00SITEURL\x00 title")
    odd.title += teasers._placeholder[0]  # the one of a build before
    teasers.forget()
    shown = render_list(environment, [odd], siteurl="..")
    assert odd.title in shown, "the article's text is shown as it is"
    assert 'href="../articles/' in shown

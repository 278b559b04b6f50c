"""The real digest in ../shared builds into the pages people expect."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.real_digest]


def test_six_article_pages(real_site):
    assert len(list((real_site.output / "articles").glob("*.html"))) == 6


def test_five_source_pages_named_in_their_h1(real_site):
    pages = sorted((real_site.output / "sources").glob("*.html"))
    names = {re.search(r"<h1>(.*?)</h1>", p.read_text(encoding="utf-8")).group(1) for p in pages}
    assert names == {"Press TV", "Syrian News", "Al Masdar News", "YouTube", "South Front"}


@pytest.mark.parametrize("slug, name", [("afraa-dagher", "Afraa Dagher"), ("eva-bartlett", "Eva Bartlett")])
def test_author_pages(real_site, slug, name):
    assert f"<h1>{name}</h1>" in real_site.page(f"authors/{slug}.html")

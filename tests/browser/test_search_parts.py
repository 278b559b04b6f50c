"""A site indexed in several parts searches like one index: the search page merges them."""

from __future__ import annotations

import json

import pytest

from ..conftest import REPO, build_from_digests
from .conftest import serving
from .test_search import choose, open_search, results, word_of_one_article, word_of_several_sources

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served_parts_site(tmp_path_factory):
    """The sample site with four articles per index part, served over http."""
    root = tmp_path_factory.mktemp("parts")
    (root / "partsconf.py").write_text(
        "import sys\nsys.path.insert(0, '.')\nfrom pelicanconf import *  # noqa: F403\n"
        "NEWSARCHIVE_SEARCH_SHARD_SIZE = 4\n",
        encoding="utf-8",
    )
    site = build_from_digests(root, sorted((REPO / "digests").glob("*.txt")), "partsconf.py")
    assert not [p for p in site.problems if "error" in str(p)], site.problems
    with serving(site.output) as base:
        yield base, site


def test_the_index_is_in_parts(served_parts_site):
    _, site = served_parts_site
    parts = sorted(p.name for p in (site.output / "pagefind").glob("shard-*"))
    assert len(parts) >= 3, parts
    manifest = json.loads(site.page("pagefind/parts.json"))
    assert sorted(manifest["merge"]) == sorted(f"{name}/" for name in parts)


def test_a_word_of_one_article_is_found_whichever_part_holds_it(browser, served_parts_site):
    base, site = served_parts_site
    word, path = word_of_one_article(site)
    open_search(browser, base, q=word)
    assert results(browser)[0]["path"] == path


def test_results_and_filters_cover_every_part(browser, served_parts_site, served_site):
    base, site = served_parts_site
    word, source = word_of_several_sources(site)
    open_search(browser, base, q=word)
    in_parts = sorted(r["path"] for r in results(browser))
    one_base, _ = served_site
    open_search(browser, one_base, q=word)
    assert in_parts == sorted(r["path"] for r in results(browser))
    open_search(browser, base, q=word)
    choose(browser, "search-source", source)
    assert {r["source"] for r in results(browser)} == {source}

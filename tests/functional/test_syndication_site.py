"""A syndicated pair on the built site: two articles, linked both ways, a diff page, syndication.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import build_from_digests

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent.parent / "data" / "syndication"
GAZETTE = "articles/floods-close-the-main-bridge.html"
COURIER = "articles/river-bursts-its-banks-two-hundred-homes-flooded.html"
DIFF = "syndication/floods-close-the-main-bridge--river-bursts-its-banks-two-hundred-homes-flooded.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_from_digests(tmp_path_factory.mktemp("syndication"), sorted(DATA.glob("*.txt")))


def test_each_outlet_keeps_its_own_article_title_and_source(site):
    assert "<h1>Floods close the main bridge</h1>" in site.page(GAZETTE)
    assert "<h1>River bursts its banks: two hundred homes flooded</h1>" in site.page(COURIER)
    assert "floods-close-the-main-bridge" not in site.page("sources/valley-courier.html")
    assert "river-bursts-its-banks" in site.page("sources/valley-courier.html")


@pytest.mark.parametrize(("page", "other", "source"), [
    (GAZETTE, COURIER, "Valley Courier"), (COURIER, GAZETTE, "Harbour Gazette"),
])
def test_same_text_as_links_both_ways_with_the_diff(site, page, other, source):
    text = site.page(page)
    block = text[text.index('<section class="panel same-text"'):]
    block = block[:block.index("</section>")]
    assert f">{source}</a>: <a href=\"/{other}\">" in block
    assert "% identical" in block and f'href="/{DIFF}"' in block


def test_the_diff_page_shows_each_outlets_words(site):
    page = site.page(DIFF)
    assert "<del>said</del> <ins>told the Courier</ins>" in page
    assert "<del>three</del> <ins>four</ins>" in page
    assert f'href="/{GAZETTE}"' in page and f'href="/{COURIER}"' in page


def test_syndication_json_lists_the_group_and_its_pair(site):
    data = json.loads(site.page("syndication.json"))
    (group,) = data["groups"]
    assert [a["source"] for a in group["articles"]] == ["Harbour Gazette", "Valley Courier"]
    (pair,) = group["pairs"]
    assert pair["diff"] == DIFF and 85 < pair["identical_percent"] < 100
    assert site.problems == []


def test_a_form_feed_and_noncharacters_in_a_digest_still_give_valid_feeds(tmp_path):
    """The publish build (Atom feeds, absolute URLs) of a body holding U+000C, U+FFFE and U+FFFF."""
    from xml.etree import ElementTree

    digest = tmp_path / "odd.txt"
    digest.write_text("Odd characters\n\nSource: Harbour Gazette\nOn 12 March 2024 a\x0cb \ufffe c \uffff d.\n")
    built = build_from_digests(tmp_path / "site", [digest], "publishconf.py")
    assert [p.message.split(":")[0] for p in built.problems] == ["characters XML 1.0 forbids"]
    feeds = sorted(built.output.rglob("*.atom.xml"))
    assert feeds
    for feed in feeds:
        ElementTree.parse(feed)  # well-formed XML


def test_the_dataset_names_each_articles_syndication_group(site):
    import csv

    rows = {row["id"]: row for row in csv.DictReader((site.output / "data" / "articles.csv").open(encoding="utf-8"))}
    group = "floods-close-the-main-bridge"
    assert rows["floods-close-the-main-bridge"]["syndication_group"] == group
    assert rows["river-bursts-its-banks-two-hundred-homes-flooded"]["syndication_group"] == group
    articles = json.loads((site.output / "data" / "articles.json").read_text(encoding="utf-8"))
    assert {a["syndication_group"] for a in articles} == {group}

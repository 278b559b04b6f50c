"""Story clusters, figures reported and citations, in built sites (sample, real digest, fixtures)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from ..conftest import REPO, build_from_digests

pytestmark = pytest.mark.slow
STORIES = Path(__file__).parent.parent / "data" / "stories"
CSL_SCHEMA = Path(__file__).parent.parent / "data" / "csl-data.json"


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def figure_rows(page: str) -> list[list[str]]:
    """The cells of each row of the 'Figures reported' table."""
    table = re.search(r'<table class="figures">(.*?)</table>', page, re.S)
    if not table:
        return []
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    return [[text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows[1:]]


def pre_blocks(page: str, label: str) -> str:
    return html.unescape(re.search(rf'<pre [^>]*data-copy="{label}">(.*?)</pre>', page, re.S).group(1))


@pytest.fixture(scope="module")
def stories_site(tmp_path_factory):
    return build_from_digests(tmp_path_factory.mktemp("stories"), sorted(STORIES.glob("*.txt")))


# -- figures -----------------------------------------------------------------------------------


@pytest.mark.real_digest
def test_real_digest_press_tv_figures_with_attribution(real_site):
    rows = figure_rows(
        real_site.page("articles/war-crime-62-syrian-forces-killed-in-us-led-coalition-in-deir-ezzor.html")
    )
    claims = {(value, outcome, speaker) for value, _what, outcome, speaker, _sentence in rows}
    assert ("62", "killed", "Russia") in claims
    assert any(
        v == "at least 80" and o == "killed" and "Syrian Observatory for Human Rights" in s for v, o, s in claims
    )
    assert any(v == "at least 70" and what == "civilians" for v, what, *_ in rows)


@pytest.mark.real_digest
def test_real_digest_syrian_news_reports_40_killed(real_site):
    rows = figure_rows(real_site.page("articles/syria-coordinated-terror-attacks.html"))
    assert ["40", "Syrians", "killed"] in [row[:3] for row in rows]


def test_figure_links_to_an_anchored_paragraph_holding_its_sentence(sample_site):
    page = sample_site.page("articles/river-arden-bursts-its-banks-in-millbrook.html")
    rows = figure_rows(page)
    assert ["at least 40", "homes", "flooded", "the council"] in [row[:4] for row in rows]
    for anchor, sentence in re.findall(
        r'<td class="figures__sentence"><a href="#(para-\d+):~:text=[^"]+">(.*?)</a>', page
    ):
        paragraph = re.search(rf'<p id="{anchor}">(.*?)</p>', page, re.S)
        assert paragraph and text_of(sentence) in text_of(paragraph.group(1))


# -- clusters ----------------------------------------------------------------------------------


def test_three_sources_on_one_event_share_a_cluster_page(stories_site):
    (page,) = sorted((stories_site.output / "clusters").glob("*.html"))
    text = page.read_text(encoding="utf-8")
    for slug in (
        "fire-destroys-sheds-at-port-elvin-fish-market",
        "blaze-at-fish-market-in-port-elvin",
        "port-elvin-traders-count-losses-after-market-fire",
    ):
        assert f"/articles/{slug}.html" in text
    assert "millbrook" not in text.lower()
    assert "Figures reported" in text


def test_same_city_on_other_dates_is_not_one_story(stories_site):
    for slug in ("millbrook-market-square-reopens-after-resurfacing", "millbrook-bridge-to-close-for-repairs"):
        assert "Also reported by" not in stories_site.page(f"articles/{slug}.html")


def test_sample_site_has_a_cluster_page_and_also_reported_links(sample_site):
    pages = sorted((sample_site.output / "clusters").glob("*.html"))
    assert pages
    article = sample_site.page("articles/river-arden-bursts-its-banks-in-millbrook.html")
    section = re.search(r'<section class="panel also-reported".*?</section>', article, re.S).group(0)
    assert "/articles/flood-water-forces-evacuations-in-millbrook.html" in section
    assert "/articles/millbrook-flood-council-counts-the-cost.html" in section
    assert "/clusters/" in section
    assert "clusters/" in sample_site.page("clusters.html")


# -- citations ---------------------------------------------------------------------------------


def test_citations_json_validates_against_the_csl_schema(sample_site):
    jsonschema = pytest.importorskip("jsonschema")
    items = json.loads(sample_site.page("citations.json"))
    jsonschema.validate(items, json.loads(CSL_SCHEMA.read_text(encoding="utf-8")))
    articles = sorted((sample_site.output / "articles").glob("*.html"))
    assert len(items) == len(articles)
    assert len({item["id"] for item in items}) == len(items)


def test_cite_this_csl_json_validates(sample_site):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    for path in sorted((sample_site.output / "articles").glob("*.html")):
        jsonschema.validate(json.loads(pre_blocks(path.read_text(encoding="utf-8"), "cite-csl")), schema)


def _parse_bibtex(text: str) -> list[dict]:
    bibtexparser = pytest.importorskip("bibtexparser")
    if hasattr(bibtexparser, "parse_string"):  # bibtexparser 2
        library = bibtexparser.parse_string(text)
        assert not library.failed_blocks
        return [{"ID": e.key, **{f.key: f.value for f in e.fields}} for e in library.entries]
    return bibtexparser.loads(text).entries


def test_cite_this_bibtex_parses(sample_site):
    for path in sorted((sample_site.output / "articles").glob("*.html")):
        (entry,) = _parse_bibtex(pre_blocks(path.read_text(encoding="utf-8"), "cite-bibtex"))
        assert entry["title"] and entry["url"]


def test_cite_this_ris_has_required_tags(sample_site):
    page = sample_site.page("articles/river-arden-bursts-its-banks-in-millbrook.html")
    lines = pre_blocks(page, "cite-ris").splitlines()
    assert lines[0] == "TY  - NEWS" and lines[-1] == "ER  - "
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines)
    tags = {line[:2]: line[6:] for line in lines}
    assert tags["TI"] == "River Arden bursts its banks in Millbrook"
    assert tags["AU"] == "Sandoval, Priya" and tags["T2"] == "Valley Courier"  # family name first, as RIS wants
    assert tags["PY"] == "2024" and tags["DA"] == "2024/06/09/"
    assert tags["UR"].endswith("/articles/river-arden-bursts-its-banks-in-millbrook.html")


def test_article_urls_are_stable_across_rebuilds_and_reimports(sample_site, tmp_path):
    again = build_from_digests(tmp_path / "again", sorted((REPO / "digests").glob("*.txt")))
    first = sorted(p.name for p in (sample_site.output / "articles").glob("*.html"))
    assert first == sorted(p.name for p in (again.output / "articles").glob("*.html"))
    slugs = sorted(
        re.search(r"^Slug: (.+)$", p.read_text(encoding="utf-8"), re.M).group(1) + ".html"
        for p in again.content.rglob("*.md")
    )
    assert slugs == first  # articles/{slug}.html, the slug from the article file
    assert json.loads(sample_site.page("citations.json")) == json.loads(again.page("citations.json"))
    assert sorted(p.name for p in (sample_site.output / "clusters").glob("*.html")) == sorted(
        p.name for p in (again.output / "clusters").glob("*.html")
    )

"""Saved HTML pages: the article's text and metadata, without navigation, ads or footers."""

from newsarchive.ingest.html import fragment_blocks, is_web_url, read_html
from newsarchive.model.article_file import render_body
from newsarchive.model.records import BodyKind, DatePrecision, InputKind

from .conftest import HARBOUR_URL


def test_page_yields_title_source_author_date_and_paragraphs(site, sources):
    result = read_html(site / "inputs" / "harbour-wall.html", site, sources)
    assert result.problems == []
    (article,) = result.articles
    assert article.title == "Council approves harbour wall repairs"
    assert article.attribution.source == "Harbour Gazette"
    assert article.attribution.source_derived is None
    assert article.attribution.authors == ["Mina Okafor"]
    assert article.attribution.original_url == HARBOUR_URL
    assert article.date.iso == "2024-03-12"
    assert article.date.precision is DatePrecision.DAY
    assert "metadata" in article.date.evidence
    assert [(b.kind, b.text[:40]) for b in article.body] == [
        (BodyKind.PARAGRAPH, "The council voted on Tuesday to repair t"),
        (BodyKind.PARAGRAPH, "The repairs will cost 2.4 million pounds"),
        (BodyKind.HEADING, "Reaction from residents"),
        (BodyKind.PARAGRAPH, "Residents who had campaigned for the rep"),
        (BodyKind.PARAGRAPH, "Prices quoted as *estimates* & subject t"),
    ]


def test_boilerplate_is_left_out(site, sources):
    (article,) = read_html(site / "inputs" / "harbour-wall.html", site, sources).articles
    text = " ".join(b.text for b in article.body)
    for boilerplate in ("Subscribe", "ADVERTISEMENT", "Most read", "Sponsored", "All rights reserved", "Weather"):
        assert boilerplate not in text


def test_provenance_is_the_file_and_its_hash(site, sources):
    import hashlib

    path = site / "inputs" / "harbour-wall.html"
    (article,) = read_html(path, site, sources).articles
    entry = article.provenance
    assert entry.kind is InputKind.HTML
    assert entry.file == "inputs/harbour-wall.html"
    assert entry.record is None
    assert entry.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_page_text_is_escaped_like_a_digest(site, sources):
    (article,) = read_html(site / "inputs" / "harbour-wall.html", site, sources).articles
    assert r"Prices quoted as \*estimates\* &amp; subject to &lt;change> were" in render_body(article)


def test_page_without_a_date_or_url_stays_undated(site, sources):
    (article,) = read_html(site / "inputs" / "quay-market.html", site, sources).articles
    assert article.title == "Quay market moves indoors for the winter"
    assert article.date.value is None
    assert article.attribution.original_url is None
    assert len(article.paragraphs) == 2
    assert "Subscribe" not in " ".join(b.text for b in article.body)


def test_page_with_no_article_text_is_an_error(site, sources):
    result = read_html(site / "inputs" / "nav-only.html", site, sources)
    assert result.articles == []
    assert [str(p) for p in result.problems] == [
        f"{site / 'inputs' / 'nav-only.html'}: error: no article text found in this HTML page "
        "(only navigation or boilerplate?); not imported"
    ]


def test_only_http_and_https_urls_are_original_urls():
    assert is_web_url("https://example.org/a") and is_web_url("HTTP://example.org")
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "ftp://example.org/", "", None):
        assert not is_web_url(url)


def test_fragment_blocks_make_clean_paragraphs():
    blocks = fragment_blocks("<p>One <b>bold</b> line<br>and a second</p><script>x()</script><h3>Sub</h3>tail text")
    assert [(b.kind, b.lines) for b in blocks] == [
        (BodyKind.PARAGRAPH, ["One bold line", "and a second"]),
        (BodyKind.HEADING, ["Sub"]),
        (BodyKind.PARAGRAPH, ["tail text"]),
    ]

"""RSS 2.0 and Atom feeds: each entry an article, its HTML content as clean paragraphs."""

import hashlib

from newsarchive.ingest.feeds import read_feed
from newsarchive.model.article_file import render_body
from newsarchive.model.records import BodyKind, DatePrecision, InputKind


def test_rss_entries_become_articles_field_by_field(site, sources):
    result = read_feed(site / "inputs" / "valley-news.rss", site, sources)
    assert result.problems == []
    library, footbridge = result.articles

    assert library.title == "Library extends opening hours"
    assert library.attribution.source == "Arden Valley Courier"
    assert library.attribution.authors == ["Tomas Reyes"]
    assert library.attribution.original_url == "https://valleycourier.example/2024/05/library-hours?utm_source=rss"
    assert (library.date.iso, library.date.precision) == ("2024-05-02", DatePrecision.DAY)
    assert library.date.evidence == "feed entry <pubDate>"
    assert [(b.kind, b.lines) for b in library.body] == [
        (BodyKind.PARAGRAPH, ["The Arden valley library will stay open until eight in the evening on weekdays "
                              "from June, the trustees said."]),
        (BodyKind.HEADING, ["Volunteers wanted"]),
        (BodyKind.PARAGRAPH, ["The longer hours depend on twelve new volunteers; 1. training starts in May & "
                              "lasts a week."]),
    ]

    assert footbridge.title == "Footbridge repainted"
    assert footbridge.attribution.authors == []
    assert footbridge.attribution.original_url is None  # its link is javascript:, not http(s)
    assert footbridge.date.iso == "2024-05-03"  # the day as written (-0200), not in UTC
    assert [b.text for b in footbridge.paragraphs] == [
        "The green footbridge over the Arden has been repainted.", "It reopens on Monday."]


def test_rss_provenance_is_the_entry_id_and_its_content_hash(site, sources):
    library, _ = read_feed(site / "inputs" / "valley-news.rss", site, sources).articles
    entry = library.provenance
    assert (entry.kind, entry.file) == (InputKind.FEED, "inputs/valley-news.rss")
    assert entry.record == "entry courier-2024-0412"
    assert len(entry.sha256) == 64 and entry.sha256 != hashlib.sha256(b"").hexdigest()
    assert entry.captured is None


def test_atom_entries_become_articles_field_by_field(site, sources):
    result = read_feed(site / "inputs" / "westmarch.atom", site, sources)
    assert result.problems == []
    path, fares = result.articles
    assert path.title == "Coastal path reopens after repairs"
    assert path.attribution.source == "Westmarch Herald"
    assert path.attribution.authors == ["Ines Marlow", "Owen Pike"]
    assert path.attribution.original_url == "https://westmarchherald.example/2024/06/coastal-path"
    assert (path.date.iso, path.date.evidence) == ("2024-06-10", "feed entry <published>")
    assert [b.lines for b in path.body] == [
        ["The coastal path between Westmarch and Ashby reopened on Monday."],
        ["Walkers should keep to the new fence line", "near the cliff edge."],
    ]
    assert path.provenance.record == "entry tag:westmarchherald.example,2024:coastal-path"
    assert (fares.date.iso, fares.date.evidence) == ("2024-06-09", "feed entry <updated>")
    assert [b.text for b in fares.body] == ["Ferry fares will not rise this year."]


def test_feed_text_is_escaped_like_a_digest(site, sources):
    library, _ = read_feed(site / "inputs" / "valley-news.rss", site, sources).articles
    body = render_body(library)
    assert "trackReader" not in body
    assert "1. training starts in May &amp; lasts a week." in body


def test_a_feed_that_is_not_xml_is_an_error(site, sources):
    path = site / "inputs" / "broken-feed.xml"
    result = read_feed(path, site, sources)
    assert result.articles == []
    (problem,) = result.problems
    assert str(problem).startswith(f"{path}:")
    assert "error: is not an RSS or Atom feed" in str(problem) and str(problem).endswith("; not imported")

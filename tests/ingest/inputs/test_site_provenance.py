"""The article page lists every place an article was found, for each input kind."""

import html
import re

import pytest

from ...conftest import build_from_digests
from .conftest import INPUTS, sample_records, write_warc

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs-site")
    warc = write_warc(folder / "crawl.warc.gz", sample_records())
    names = ["harbour-wall.txt", "harbour-wall.html", "valley-news.rss"]
    return build_from_digests(folder / "site", [*(INPUTS / n for n in names), warc])


def provenance(page: str) -> str:
    section = page.split('aria-labelledby="provenance-heading">', 1)[1].split("</section>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())


def test_merged_article_shows_each_place_it_was_found(built):
    page = (built.output / "articles" / "council-approves-harbour-wall-repairs-tuesday-12-march-2024.html").read_text()
    text = provenance(page)
    assert text.startswith("Provenance Found in 3 places.")
    assert "Digest digests/harbour-wall.txt Lines 1-14" in text
    assert "HTML page digests/harbour-wall.html SHA-256" in text
    assert "WARC file digests/crawl.warc.gz Record offset 0 Captured 2024-03-14 SHA-256" in text
    assert page.count('<dl class="facts facts--small">') == 3
    assert "From digest digests/harbour-wall.txt, lines 1-14" in page  # the citation names the first place


def test_feed_article_shows_its_entry(built):
    page = (built.output / "articles" / "library-extends-opening-hours.html").read_text()
    text = provenance(page)
    assert "Found in" not in text
    assert "Feed digests/valley-news.rss Record entry courier-2024-0412 SHA-256" in text
    assert "From feed digests/valley-news.rss, entry courier-2024-0412" in page


def test_warc_article_cites_its_capture(built):
    page = (built.output / "articles" / "quay-market-moves-indoors-for-the-winter.html").read_text()
    assert "WARC file digests/crawl.warc.gz Record offset" in provenance(page)
    assert "captured 2024-10-20" in page
    assert '<time datetime="2024-10-20"' in page

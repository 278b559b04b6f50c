"""WARC and WARC.gz files: each HTML response record an article, captured where and when WARC says."""

import hashlib

import pytest
from warcio.archiveiterator import ArchiveIterator

from newsarchive.ingest.warc import read_warc
from newsarchive.model.records import DatePrecision, InputKind

from .conftest import HARBOUR_URL, INPUTS, QUAY_URL, sample_records, write_warc


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_articles_field_by_field(site, sources, gzip):
    path = write_warc(site / "inputs" / ("crawl.warc.gz" if gzip else "crawl.warc"), sample_records(), gzip)
    result = read_warc(path, site, sources)
    assert result.problems == []
    harbour, quay = result.articles  # the image record is skipped

    assert harbour.title == "Council approves harbour wall repairs"
    assert harbour.attribution.source == "Harbour Gazette"
    assert harbour.attribution.authors == ["Mina Okafor"]
    assert harbour.attribution.original_url == HARBOUR_URL
    assert harbour.date.iso == "2024-03-12"  # the page's own date, not the capture
    assert len(harbour.paragraphs) == 4 and harbour.subheadings[0].text == "Reaction from residents"

    assert quay.title == "Quay market moves indoors for the winter"
    assert quay.attribution.original_url == QUAY_URL
    assert (quay.attribution.source, quay.attribution.source_derived) == ("westmarchherald.example", "url")
    assert (quay.date.iso, quay.date.precision) == ("2024-10-20", DatePrecision.DAY)
    assert quay.date.evidence.startswith("WARC-Date")
    assert [b.text[:20] for b in quay.paragraphs] == ["The Saturday market ", "About forty traders "]


def test_provenance_is_the_record_offset_payload_hash_and_capture_date(site, sources):
    path = write_warc(site / "inputs" / "crawl.warc.gz", sample_records())
    harbour, quay = read_warc(path, site, sources).articles
    assert harbour.provenance.kind is InputKind.WARC
    assert harbour.provenance.file == "inputs/crawl.warc.gz"
    assert harbour.provenance.record == "offset 0"
    assert harbour.provenance.sha256 == hashlib.sha256((INPUTS / "harbour-wall.html").read_bytes()).hexdigest()
    assert harbour.provenance.captured.isoformat() == "2024-03-14"
    assert quay.provenance.captured.isoformat() == "2024-10-20"
    # the offset finds the record again, as `warcio extract` would
    offset = int(quay.provenance.record.removeprefix("offset "))
    with path.open("rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        assert record.rec_headers.get_header("WARC-Target-URI") == QUAY_URL


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_keeps_the_records_before_the_damage(site, sources, gzip):
    whole = write_warc(site / "whole.warc", sample_records(), gzip).read_bytes()
    path = site / "inputs" / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(whole[: len(whole) - 200])
    result = read_warc(path, site, sources)
    assert [a.title for a in result.articles] == ["Council approves harbour wall repairs"]
    (problem,) = result.problems
    assert str(problem).startswith(f"{path}: error: the WARC file is damaged or truncated after the record at offset ")
    assert "the 2 records before it were read, the rest not" in str(problem)


def test_a_few_bytes_of_warc_are_an_error(site, sources):
    path = site / "inputs" / "stub.warc.gz"
    path.write_bytes(write_warc(site / "whole.warc.gz", sample_records()).read_bytes()[:100])
    result = read_warc(path, site, sources)
    assert result.articles == []
    assert [str(p) for p in result.problems] == [
        f"{path}: error: the WARC file is damaged or truncated in its first record (a record header is cut off); "
        "the 0 records before it were read, the rest not"
    ]

"""'Cite this' in every form reads in the libraries researchers use: bibtexparser (BibTeX), rispy (RIS)
and citeproc-py (CSL-JSON, formatted with a real style), and points at the archive copy."""

from __future__ import annotations

import json
import os
import warnings

import pytest

from .test_research_site import pre_blocks

pytestmark = pytest.mark.slow

TARVICK = "articles/tarvick-bridge-closure-extended.html"  # has an Original-URL, collected 2024-05-02
ELECTION = "articles/westmarch-county-election-count-concludes.html"  # undated, three authors


def article_pages(site):
    return sorted((site.output / "articles").glob("*.html"))


def bibtex_entries(text: str) -> list:
    bibtexparser = pytest.importorskip("bibtexparser")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return library.entries


def ris_entries(text: str) -> list[dict]:
    rispy = pytest.importorskip("rispy")
    return rispy.loads(text)


def csl_bibliography(items: list[dict]) -> list[str]:
    """The items formatted by citeproc-py with the style it ships (Harvard), one string each."""
    citeproc = pytest.importorskip("citeproc")
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    style_path = os.path.join(os.path.dirname(citeproc.__file__), "data", "styles", "harvard-cite-them-right.csl")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an unknown field or a malformed date is a failure, not a warning
        bibliography = CitationStylesBibliography(
            CitationStylesStyle(style_path, validate=False), CiteProcJSON(items), formatter.plain
        )
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        return [str(entry) for entry in bibliography.bibliography()]


def test_every_bibtex_entry_parses_with_bibtexparser(sample_site):
    for path in article_pages(sample_site):
        (entry,) = bibtex_entries(pre_blocks(path.read_text(encoding="utf-8"), "cite-bibtex"))
        assert entry.entry_type == "article"
        assert entry.fields_dict["title"].value and entry.fields_dict["url"].value
        assert "SHA-256" in entry.fields_dict["note"].value


def test_every_ris_record_parses_with_rispy(sample_site):
    for path in article_pages(sample_site):
        (record,) = ris_entries(pre_blocks(path.read_text(encoding="utf-8"), "cite-ris"))
        assert record["type_of_reference"] == "NEWS"
        assert record["title"] and record["urls"]
        assert record["name_of_database"] == "newsarchive sample"


def test_citations_json_formats_with_citeproc_py(sample_site):
    items = json.loads(sample_site.page("citations.json"))
    formatted = csl_bibliography(items)
    assert len(formatted) == len(items) == len(article_pages(sample_site))
    assert any("Marsh, L., Fenwick, I. and Munro, C." in entry for entry in formatted)  # split names
    assert all("Accessed:" in entry for entry in formatted)  # every article has a collected date


def test_every_pages_csl_json_formats_with_citeproc_py(sample_site):
    for path in article_pages(sample_site):
        items = json.loads(pre_blocks(path.read_text(encoding="utf-8"), "cite-csl"))
        (entry,) = csl_bibliography(items)
        assert items[0]["title"].split()[0] in entry


def test_authors_are_split_into_family_and_given_names(sample_site):
    (item,) = json.loads(pre_blocks(sample_site.page(ELECTION), "cite-csl"))
    assert item["author"] == [
        {"family": "Marsh", "given": "Leona"}, {"family": "Fenwick", "given": "Idris"},
        {"family": "Munro", "given": "Carla"},
    ]
    (entry,) = bibtex_entries(pre_blocks(sample_site.page(ELECTION), "cite-bibtex"))
    assert entry.fields_dict["author"].value == "Marsh, Leona and Fenwick, Idris and Munro, Carla"
    (record,) = ris_entries(pre_blocks(sample_site.page(ELECTION), "cite-ris"))
    assert record["authors"] == ["Marsh, Leona", "Fenwick, Idris", "Munro, Carla"]


def test_citation_names_the_archive_copy_and_the_date_it_was_collected(published_sample_site):
    page = published_sample_site.page(TARVICK)
    copy = "https://archive.example.org/" + TARVICK
    (item,) = json.loads(pre_blocks(page, "cite-csl"))
    assert item["type"] == "article-newspaper"
    assert item["URL"] == "https://valley-courier.example/news/tarvick-bridge"  # the original
    assert item["archive"] == "newsarchive sample" and item["archive_location"] == copy
    assert item["accessed"] == {"date-parts": [[2024, 5, 2]]}
    assert copy in item["note"] and "SHA-256 " in item["note"]
    (entry,) = bibtex_entries(pre_blocks(page, "cite-bibtex"))
    assert entry.fields_dict["urldate"].value == "2024-05-02"
    assert copy in entry.fields_dict["note"].value
    (record,) = ris_entries(pre_blocks(page, "cite-ris"))
    assert record["urls"] == ["https://valley-courier.example/news/tarvick-bridge", copy]
    assert record["access_date"] == "2024/05/02"


def test_without_an_original_url_the_archive_copy_is_the_url(published_sample_site):
    (item,) = json.loads(pre_blocks(published_sample_site.page(ELECTION), "cite-csl"))
    assert item["URL"] == "https://archive.example.org/" + ELECTION
    assert "archive_location" not in item

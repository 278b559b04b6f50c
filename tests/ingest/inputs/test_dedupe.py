"""One article however many places it was found: merged provenance, hand edits kept, idempotent."""

import pytest

from newsarchive.ingest.dedupe import url_key, with_entries
from newsarchive.ingest.importer import import_digests
from newsarchive.ingest.writer import Outcome
from newsarchive.model.article_file import read_article_file, read_provenance
from newsarchive.model.records import InputKind, Provenance

from .conftest import HARBOUR_URL, sample_records, write_warc


@pytest.fixture
def run(site, sources):
    def run(*names, **kwargs):
        paths = [site / "inputs" / name for name in names]
        return import_digests(paths, site / "content", site, sources, **kwargs)

    return run


def articles(site):
    return {p.name: read_article_file(p) for p in sorted((site / "content").rglob("*.md"))}


def test_digest_and_html_page_of_one_article_give_one_file_with_two_provenance_entries(site, run):
    summary = run("harbour-wall.txt", "harbour-wall.html")
    assert summary.outcomes[Outcome.WRITTEN] == 1 and summary.outcomes[Outcome.MERGED] == 1
    assert list(summary.problems) == []
    (only,) = articles(site).values()
    entries = read_provenance(only.header)
    assert [(e.kind, e.file, e.record) for e in entries] == [
        (InputKind.DIGEST, "inputs/harbour-wall.txt", "1-14"),
        (InputKind.HTML, "inputs/harbour-wall.html", None),
    ]
    assert only.header["digest-2"] == "inputs/harbour-wall.html"
    assert only.header["input-kind-2"] == "html"
    assert not only.edited_by_hand  # re-stamped with a new Import-SHA256


def test_the_other_order_gives_the_page_first_and_the_digest_second(site, run):
    run("harbour-wall.html", "harbour-wall.txt")
    (only,) = articles(site).values()
    assert [e.kind for e in read_provenance(only.header)] == [InputKind.HTML, InputKind.DIGEST]
    assert only.header["digest-lines-2"] == "1-14"


def test_reimporting_either_input_changes_nothing(site, run):
    run("harbour-wall.txt", "harbour-wall.html")
    before = {name: f.text for name, f in articles(site).items()}
    summary = run("harbour-wall.html", "harbour-wall.txt")
    assert summary.outcomes[Outcome.UNCHANGED] == 2
    assert {name: f.text for name, f in articles(site).items()} == before


def test_same_original_url_in_a_warc_is_a_third_entry(site, run):
    write_warc(site / "inputs" / "crawl.warc.gz", sample_records())
    summary = run("harbour-wall.txt", "harbour-wall.html", "crawl.warc.gz")
    assert summary.outcomes[Outcome.MERGED] == 2  # the page, and its capture in the WARC
    files = articles(site)
    assert len(files) == 2  # the harbour article and the quay market page
    harbour = next(f for f in files.values() if f.header["digest"] == "inputs/harbour-wall.txt")
    entries = read_provenance(harbour.header)
    assert [e.kind for e in entries] == [InputKind.DIGEST, InputKind.HTML, InputKind.WARC]
    assert entries[2].record == "offset 0" and entries[2].captured.isoformat() == "2024-03-14"
    assert harbour.header["captured-3"] == "2024-03-14"


def test_hand_edited_file_is_kept_and_reported(site, run):
    run("harbour-wall.txt")
    (path,) = (site / "content").rglob("*.md")
    edited = path.read_text().replace("forty-metre", "forty metre")
    path.write_text(edited)
    summary = run("harbour-wall.html")
    assert summary.outcomes[Outcome.KEPT] == 1
    assert path.read_text() == edited
    (problem,) = summary.problems
    assert str(problem).startswith(f"{path}:1: warning: the article from inputs/harbour-wall.html is already here")
    assert "edited by hand" in problem.message


def test_reimporting_the_digest_keeps_the_entries_added_from_elsewhere(site, run):
    run("harbour-wall.txt", "harbour-wall.html")
    digest = site / "inputs" / "harbour-wall.txt"
    digest.write_text(digest.read_text().replace("By Mina Okafor", "By Mina Okafor and Jo Hale"))
    summary = run("harbour-wall.txt")
    assert summary.outcomes[Outcome.WRITTEN] == 1
    (only,) = articles(site).values()
    assert only.header["authors"] == "Mina Okafor; Jo Hale"
    assert only.header["digest-2"] == "inputs/harbour-wall.html"


def test_different_articles_are_not_merged(site, run):
    summary = run("harbour-wall.txt", "quay-market.html", "valley-news.rss", "westmarch.atom")
    assert summary.outcomes[Outcome.MERGED] == 0
    assert len(articles(site)) == 6


def test_dry_run_writes_nothing(site, run):
    summary = run("harbour-wall.txt", "harbour-wall.html", dry_run=True)
    assert summary.outcomes[Outcome.MERGED] == 1
    assert not (site / "content").exists()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (HARBOUR_URL, HARBOUR_URL.replace("https://", "http://www.") + "/"),
        (HARBOUR_URL, HARBOUR_URL + "?utm_source=rss&utm_medium=feed#comments"),
    ],
)
def test_urls_that_name_the_same_page_match(a, b):
    assert url_key(a) == url_key(b)


def test_urls_of_other_pages_or_schemes_do_not_match():
    assert url_key(HARBOUR_URL) != url_key(HARBOUR_URL + "-2")
    assert url_key(HARBOUR_URL + "?page=2") != url_key(HARBOUR_URL)
    assert url_key("javascript:alert(1)") is None


def test_entries_are_written_before_the_slug_and_the_file_restamped():
    text = "Title: T\nDigest: d.txt\nDigest-Lines: 1-2\nDigest-SHA256: aa\nSlug: t\nImport-SHA256: x\n\nBody.\n"
    extra = [Provenance(InputKind.FEED, "f.rss", "entry 7", "bb")]
    merged = with_entries(text, extra)
    header = merged.split("\n\n")[0].splitlines()
    assert header[4:8] == ["Digest-2: f.rss", "Input-Kind-2: feed", "Record-2: entry 7", "Record-SHA256-2: bb"]
    assert header[8] == "Slug: t" and header[9].startswith("Import-SHA256: ")
    assert with_entries(merged, extra) == merged


def test_hashes_hundreds_of_texts_share_are_boilerplate_and_not_walked():
    """A duplicate is still found by its rare hashes; a hash on every text does not make it a candidate."""
    from newsarchive.ingest.dedupe import COMMON_HASH, DuplicateIndex

    index = DuplicateIndex()
    boilerplate = {1, 2, 3, 4}
    for n in range(COMMON_HASH + 50):
        index.add(f"other-{n}", {"digest": "a.txt"}, "x" * 300, boilerplate | {1000 + n})
    index.add("original", {"digest": "a.txt"}, "x" * 300, boilerplate | {7, 8, 9})
    shared = index._sharing(boilerplate | {7, 8, 9, 5000})
    assert shared["original"] == 7  # its rare hashes, and the common ones counted for it
    assert "other-3" not in shared  # shares only boilerplate: not walked, not a candidate
    assert index._sharing(boilerplate)["other-3"] == 4  # a text with nothing rare: every hash counts


def test_a_merged_entry_whose_record_is_gone_is_named_and_pruned(site, run):
    run("harbour-wall.html", "harbour-wall.txt")  # the digest's article merged into the page's file
    (only,) = articles(site).values()
    assert only.header["digest-2"] == "inputs/harbour-wall.txt"
    (site / "inputs" / "harbour-wall.txt").write_text("Something else\n\nSource: Harbour Gazette\nA short note.\n")
    summary = run("harbour-wall.txt")
    path = only.path
    assert f"{path}: warning: its provenance names inputs/harbour-wall.txt (1-14), no longer there; --prune " \
           "removes the entry" in [str(p) for p in summary.problems]
    summary = run("harbour-wall.txt", prune=True)
    assert "digest-2" not in read_article_file(path).header
    assert any("provenance inputs/harbour-wall.txt (1-14) removed" in note for note in summary.notes)


def test_a_merged_entry_whose_lines_moved_is_updated_not_repeated(site, run):
    run("harbour-wall.html", "harbour-wall.txt")
    digest = site / "inputs" / "harbour-wall.txt"
    digest.write_text("A note first\n\nSource: Harbour Gazette\nA short note.\n\n\n\n" + digest.read_text())
    run("harbour-wall.txt")
    page = next(f for f in articles(site).values() if f.header.get("input-kind") == "html")
    assert [e.file for e in read_provenance(page.header)] == ["inputs/harbour-wall.html", "inputs/harbour-wall.txt"]
    assert page.header["digest-lines-2"] == "8-21"

"""`newsarchive import` and `check` on every input kind: problems as path:line, exit codes, nothing lost."""

import os

import pytest
from typer.testing import CliRunner

from newsarchive.cli import app
from newsarchive.ingest.detect import detect_kind
from newsarchive.model.records import InputKind

from .conftest import sample_records, write_warc


@pytest.fixture
def run(site):
    runner = CliRunner()

    def invoke(*args):
        old = os.getcwd()
        os.chdir(site)  # inputs are recorded relative to the site folder
        try:
            return runner.invoke(app, [str(a) for a in args])
        finally:
            os.chdir(old)

    return invoke


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("harbour-wall.txt", InputKind.DIGEST),
        ("harbour-wall.html", InputKind.HTML),
        ("nav-only.html", InputKind.HTML),
        ("valley-news.rss", InputKind.FEED),
        ("westmarch.atom", InputKind.FEED),
        ("broken-feed.xml", InputKind.FEED),  # not XML: the extension decides
    ],
)
def test_reader_is_chosen_by_content_and_extension(site, name, kind):
    assert detect_kind(site / "inputs" / name) is kind


def test_content_wins_over_an_unknown_extension(site):
    renamed = site / "inputs" / "saved-page"
    renamed.write_bytes((site / "inputs" / "harbour-wall.html").read_bytes())
    assert detect_kind(renamed) is InputKind.HTML
    warc = write_warc(site / "inputs" / "crawl.bin", sample_records())
    assert detect_kind(warc) is InputKind.WARC
    assert detect_kind(write_warc(site / "inputs" / "plain", sample_records(), gzip=False)) is InputKind.WARC


def test_import_every_kind_exits_0(run, site):
    write_warc(site / "inputs" / "crawl.warc.gz", sample_records())
    names = ["harbour-wall.txt", "harbour-wall.html", "valley-news.rss", "westmarch.atom", "crawl.warc.gz"]
    result = run("import", *(f"inputs/{n}" for n in names))
    assert result.exit_code == 0, result.output
    # 1 digest article + 1 page + 2 + 2 feed entries + 2 WARC records; page and WARC capture merged
    assert "8 articles: 6 written" in result.output and "2 merged" in result.output
    assert len(list((site / "content").rglob("*.md"))) == 6


def test_bad_inputs_are_reported_and_the_good_ones_imported(run, site):
    whole = write_warc(site / "whole.warc.gz", sample_records()).read_bytes()
    (site / "inputs" / "cut.warc.gz").write_bytes(whole[:-200])
    names = ["cut.warc.gz", "broken-feed.xml", "nav-only.html", "valley-news.rss"]
    result = run("import", *(f"inputs/{n}" for n in names))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("inputs/cut.warc.gz: error: the WARC file is damaged or truncated") for line in lines)
    assert any(line.startswith("inputs/broken-feed.xml:") and ": error: is not an RSS or Atom feed" in line
               for line in lines)
    assert "inputs/nav-only.html: error: no article text found in this HTML page" in result.output
    titles = sorted(p.read_text().splitlines()[0] for p in (site / "content").rglob("*.md"))
    assert titles == ["Title: Council approves harbour wall repairs", "Title: Footbridge repainted",
                      "Title: Library extends opening hours"]


def test_check_works_on_every_kind_and_writes_nothing(run, site):
    write_warc(site / "inputs" / "crawl.warc", sample_records(), gzip=False)
    good = ["harbour-wall.txt", "harbour-wall.html", "valley-news.rss", "westmarch.atom", "crawl.warc"]
    result = run("check", *(f"inputs/{n}" for n in good))
    assert result.exit_code == 0, result.output
    assert "8 articles in 5 inputs; 0 errors, 0 warnings" in result.output
    assert not (site / "content").exists()
    bad = run("check", "inputs/nav-only.html", "inputs/broken-feed.xml")
    assert bad.exit_code == 1
    assert "0 articles in 2 inputs; 2 errors" in bad.output

"""The benchmark's generated digests: the same seed gives the same bytes, and they import cleanly."""

from __future__ import annotations

from benchmarks.generate import generate

from newsarchive.analysis.tagging.sources import load_sources
from newsarchive.ingest.importer import check_digests

from .conftest import REPO


def contents(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_byte_identical_digests(tmp_path):
    generate(60, tmp_path / "one", seed=3)
    generate(60, tmp_path / "two", seed=3)
    generate(60, tmp_path / "other", seed=4)
    assert contents(tmp_path / "one") == contents(tmp_path / "two")
    assert contents(tmp_path / "one") != contents(tmp_path / "other")


def test_generated_digests_parse_into_the_asked_number_of_articles_without_errors(tmp_path):
    files = generate(60, tmp_path / "digests", seed=3)
    count, problems = check_digests(files, tmp_path, load_sources(REPO / "taxonomy" / "sources.yaml"))
    assert count == 60
    assert [str(p) for p in problems.errors] == []

"""Broken and hostile digests (tests/data/bad/): clear problems, no crash, no text lost."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsarchive.cli import app
from newsarchive.ingest.digest.decode import decode_digest
from newsarchive.ingest.importer import import_digests

from .conftest import REPO
from .textcheck import lost_lines

CORPUS = Path(__file__).resolve().parent / "data" / "bad"
CASES = sorted(p for p in CORPUS.glob("*.txt"))
REFRESH = os.environ.get("NEWSARCHIVE_REFRESH_BAD") == "1"
NOT_IMPORTED = re.compile(r"article at lines (\d+)-(\d+) not imported")


def test_the_corpus_covers_at_least_40_inputs():
    assert len(CASES) >= 40


def import_case(path: Path, sources, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(CORPUS)  # problems then name the file as a user would type it
    return import_digests([Path(path.name)], tmp_path / "content", tmp_path, sources)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_problems_are_the_expected_lines(path, sources, tmp_path, monkeypatch):
    summary = import_case(path, sources, tmp_path, monkeypatch)
    got = [str(problem) for problem in summary.problems]
    expected_file = path.with_name(path.name + ".expected")
    if REFRESH:
        expected_file.write_text("".join(line + "\n" for line in got), encoding="utf-8")
    assert got == expected_file.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_importable_text_is_imported_with_nothing_lost(path, sources, tmp_path, monkeypatch):
    summary = import_case(path, sources, tmp_path, monkeypatch)
    decoded = decode_digest(path.read_bytes(), path.name)
    if decoded.refused:
        assert not (tmp_path / "content").exists()
        return
    skipped = {p.line for p in summary.problems if "repeats the paragraph" in p.message}
    for problem in summary.problems:
        if match := NOT_IMPORTED.search(problem.message):
            skipped.update(range(int(match[1]), int(match[2]) + 1))
    first = next((line for line in decoded.lines if not line.is_blank), None)
    if first is not None and first.text.startswith("Date:"):
        skipped.add(first.number)  # the digest's own date, not article text
    assert lost_lines(decoded.lines, tmp_path / "content", skipped) == []


def test_check_never_raises_on_any_bad_input():
    result = CliRunner().invoke(app, ["check", *map(str, CASES), "--taxonomy", str(REPO / "taxonomy")])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.output


def test_ten_megabyte_digest(tmp_path, sources):
    article = "Harbour update {n}\n\nSource: Harbour Gazette\n" + ("The harbour is busy today. " * 40 + "\n\n") * 6
    digest = tmp_path / "big.txt"
    with digest.open("w", encoding="utf-8") as out:
        n = 0
        while out.tell() < 10_000_000:
            out.write(article.format(n=n) + "\n\n\n")
            n += 1
    summary = import_digests([digest], tmp_path / "content", tmp_path, sources)
    assert summary.problems.exit_code() == 0
    assert summary.articles == n == len(list((tmp_path / "content").rglob("*.md")))

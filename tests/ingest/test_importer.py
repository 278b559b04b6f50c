"""Writing article files: layout, header, stable unique slugs, idempotent re-import, hand edits kept."""

from pathlib import Path

import pytest

from newsarchive.ingest.importer import import_digests
from newsarchive.ingest.writer import Outcome
from newsarchive.model.article_file import read_article_file

DIGEST = (
    "Council approves harbour budget – March 2024\n\nSource: Harbour Gazette\nBy Jane Roe\n"
    "The council approved the budget.\n\nIt passed *narrowly*.\n\n\n\n"
    "Undated note\n\nA note with no date at all.\n\n\n\n"
    "Undated note\n\nA second note with the same title.\n"
)


@pytest.fixture
def site(tmp_path, sources):
    digest = tmp_path / "digests" / "d.txt"
    digest.parent.mkdir()
    digest.write_text(DIGEST, encoding="utf-8")

    def run(**kwargs):
        return import_digests([digest], tmp_path / "content", tmp_path, sources, **kwargs)

    return tmp_path, digest, run


def files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted((root / "content").rglob("*.md"))}


def test_one_file_per_article_by_year_or_undated(site):
    root, _, run = site
    summary = run()
    assert summary.outcomes[Outcome.WRITTEN] == 3
    assert sorted(files(root)) == [
        "content/articles/2024/council-approves-harbour-budget-march-2024.md",
        "content/articles/undated/undated-note-2.md",
        "content/articles/undated/undated-note.md",
    ]


def test_header_records_provenance(site):
    root, _, run = site
    run()
    f = read_article_file(root / "content/articles/2024/council-approves-harbour-budget-march-2024.md")
    h = f.header
    assert h["title"] == "Council approves harbour budget – March 2024"
    assert (h["date"], h["date-precision"]) == ("2024-03-01", "month")
    assert (h["source"], h["authors"]) == ("Harbour Gazette", "Jane Roe;")
    assert (h["digest"], h["digest-lines"]) == ("digests/d.txt", "1-7")
    assert len(h["digest-sha256"]) == 64
    assert "It passed \\*narrowly\\*." in f.text
    assert not f.edited_by_hand


def test_undated_article_has_no_date_line(site):
    root, _, run = site
    run()
    text = (root / "content/articles/undated/undated-note.md").read_text()
    assert "\nDate:" not in text and "Date-Precision: unknown" in text


def test_reimport_is_idempotent(site):
    root, _, run = site
    run()
    before = {p: (p.stat().st_mtime_ns, p.read_text()) for p in (root / "content").rglob("*.md")}
    summary = run()
    assert summary.outcomes[Outcome.UNCHANGED] == 3 and summary.outcomes[Outcome.WRITTEN] == 0
    after = {p: (p.stat().st_mtime_ns, p.read_text()) for p in (root / "content").rglob("*.md")}
    assert before == after


def test_file_edited_by_hand_is_kept_and_reported(site):
    root, _, run = site
    run()
    path = root / "content/articles/undated/undated-note.md"
    path.write_text(path.read_text().replace("A note with", "A corrected note with"))
    summary = run()
    assert "A corrected note with" in path.read_text()
    assert summary.outcomes[Outcome.KEPT] == 1
    assert any("edited by hand" in p.message and p.path == str(path) for p in summary.problems)
    assert summary.problems.exit_code() == 0


def test_changed_digest_rewrites_unedited_files(site):
    root, digest, run = site
    run()
    digest.write_text(DIGEST.replace("A note with no date", "A note, revised, with no date"))
    summary = run()
    assert summary.outcomes[Outcome.WRITTEN] == 1
    assert "A note, revised," in (root / "content/articles/undated/undated-note.md").read_text()


def test_same_title_in_another_digest_gets_its_own_slug(site, sources):
    root, _, run = site
    run()
    other = root / "digests" / "other.txt"
    other.write_text("Undated note\n\nFrom elsewhere.\n")
    import_digests([other], root / "content", root, sources)
    assert (root / "content/articles/undated/undated-note-3.md").exists()
    assert "From elsewhere." in (root / "content/articles/undated/undated-note-3.md").read_text()


def test_dry_run_writes_nothing(site):
    root, _, run = site
    summary = run(dry_run=True)
    assert summary.outcomes[Outcome.WRITTEN] == 3 and not (root / "content").exists()


def test_digest_outside_the_site_is_recorded_by_name(tmp_path, sources):
    digest = tmp_path / "elsewhere" / "d.txt"
    digest.parent.mkdir()
    digest.write_text("T\n\nBody.\n")
    site_root = tmp_path / "site"
    import_digests([digest], site_root / "content", site_root, sources)
    (path,) = (site_root / "content").rglob("*.md")
    assert read_article_file(path).header["digest"] == "d.txt"

"""Bad environments and inputs: taxonomy errors stop the import, write failures are one line each,
odd files are refused, a cut WARC is an error, and characters XML forbids are made visible."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

from newsarchive.analysis.tagging.sources import load_sources
from newsarchive.analysis.tagging.taxonomy import load_taxonomy
from newsarchive.ingest.importer import import_digests
from newsarchive.ingest.limits import MB
from newsarchive.ingest.writer import Outcome
from newsarchive.ingest.xml_chars import clean_article
from newsarchive.model import files
from newsarchive.model.records import Article, Attribution, BodyBlock, BodyKind, InputKind

from ..conftest import REPO
from .inputs.conftest import sample_records, write_warc

DIGEST = "".join(
    f"Harbour note {n}\n\nSource: Harbour Gazette\nThe harbour office published note number {n}.\n\n\n\n"
    for n in range(3)
)


@pytest.fixture
def digest(tmp_path) -> Path:
    path = tmp_path / "digests" / "d.txt"
    path.parent.mkdir()
    path.write_text(DIGEST, encoding="utf-8")
    return path


def content_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "content").rglob("*") if p.is_file()) if (root / "content").exists() else []


# -- (6) configuration errors stop before writing ---------------------------------------------------


def test_an_error_in_sources_yaml_means_no_file_is_written(tmp_path, digest):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - name: Harbour Gazette\n  - name: Harbour Gazette\n")
    summary = import_digests([digest], tmp_path / "content", tmp_path, load_sources(bad))
    assert content_files(tmp_path) == []
    assert summary.problems.exit_code() == 1
    assert [str(p) for p in summary.problems.errors][-1] == (
        f"{bad}: error: nothing imported: fix the errors in the taxonomy files first"
    )


def test_a_yaml_syntax_error_in_sources_yaml_means_no_file_is_written(tmp_path, digest):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources: [\n  - name: x\n")
    summary = import_digests([digest], tmp_path / "content", tmp_path, load_sources(bad))
    assert content_files(tmp_path) == [] and summary.problems.exit_code() == 1


def test_an_error_in_tags_yaml_means_no_file_is_written(tmp_path, digest, sources):
    bad = tmp_path / "tags.yaml"
    bad.write_text("tags:\n  - name: Harbour\n    type: nonsense\n")
    summary = import_digests([digest], tmp_path / "content", tmp_path, sources,
                             config_problems=load_taxonomy(bad).problems)
    assert content_files(tmp_path) == [] and summary.problems.exit_code() == 1


def test_the_import_command_stops_on_a_broken_tags_yaml(tmp_path, digest):
    from typer.testing import CliRunner

    from newsarchive.cli import app

    taxonomy = tmp_path / "taxonomy"
    taxonomy.mkdir()
    (taxonomy / "sources.yaml").write_text((REPO / "taxonomy" / "sources.yaml").read_text())
    (taxonomy / "tags.yaml").write_text("tags:\n  - name: Harbour\n    type: nonsense\n")
    old = os.getcwd()
    (tmp_path / "pelicanconf.py").write_text("")  # a site folder
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["import", "digests/d.txt", "--taxonomy", "taxonomy"])
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    assert "nothing imported" in result.output and content_files(tmp_path) == []


# -- (7) write failures: one line each, the summary, exit 1, no temporary file ----------------------


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "No space left on device"), (errno.EACCES, "Permission denied"), (errno.EROFS, "Read-only"),
])
def test_a_write_failure_is_one_error_line_per_file_and_leaves_no_temporary_file(
    tmp_path, digest, sources, monkeypatch, code, words
):
    def failing_replace(source, target):
        raise OSError(code, os.strerror(code), str(target))

    monkeypatch.setattr(files.os, "replace", failing_replace)  # the temporary file is written, the rename fails
    summary = import_digests([digest], tmp_path / "content", tmp_path, sources)
    errors = [str(p) for p in summary.problems.errors]
    assert len(errors) == 3
    assert all(line.endswith(f": error: cannot write: {os.strerror(code)}") for line in errors)
    assert words.lower() in errors[0].lower()
    assert summary.outcomes[Outcome.FAILED] == 3 and summary.problems.exit_code() == 1
    assert "3 not written; 3 errors" in summary.describe()
    assert content_files(tmp_path) == []  # no half-written or temporary file left behind


def test_a_folder_that_cannot_be_made_is_an_error_not_a_traceback(tmp_path, digest, sources, monkeypatch):
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if "content" in self.parts:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    summary = import_digests([digest], tmp_path / "content", tmp_path, sources)
    assert summary.outcomes[Outcome.FAILED] == 3 and summary.problems.exit_code() == 1


# -- (7) inputs that are not regular files, or too large ----------------------------------------------


def test_dev_zero_is_refused_without_reading_it(tmp_path, sources):
    summary = import_digests([Path("/dev/zero")], tmp_path / "content", tmp_path, sources)
    assert [str(p) for p in summary.problems] == [
        "/dev/zero: error: is not a regular file (a device, pipe or socket); not imported"
    ]


def test_a_named_pipe_is_refused_without_waiting_for_it(tmp_path, sources):
    pipe = tmp_path / "digest.txt"
    os.mkfifo(pipe)
    done = threading.Event()
    result = {}

    def run():
        result["summary"] = import_digests([pipe], tmp_path / "content", tmp_path, sources)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(20), "the import waited on the pipe"
    assert [p.message for p in result["summary"].problems] == [
        "is not a regular file (a device, pipe or socket); not imported"
    ]


def test_a_digest_larger_than_the_limit_is_refused(tmp_path, digest, sources):
    big = tmp_path / "digests" / "big.txt"
    big.write_text(DIGEST * (MB // len(DIGEST) + 2))
    summary = import_digests([big, digest], tmp_path / "content", tmp_path, sources, max_bytes=MB)
    (problem,) = summary.problems
    assert str(problem) == (f"{big}: error: is 1 MB, more than the 1 MB an input may be; not imported "
                            "(raise the limit with --max-input-mb)")
    assert summary.outcomes[Outcome.WRITTEN] == 3  # the other digest is imported


def test_a_warc_record_larger_than_the_limit_is_skipped_with_its_offset(tmp_path, sources):
    records = sample_records()
    records[0].body = records[0].body + b"<!-- " + b"x" * (2 * MB) + b" -->"
    warc = write_warc(tmp_path / "crawl.warc.gz", records)
    summary = import_digests([warc], tmp_path / "content", tmp_path, sources, max_bytes=MB)
    (problem,) = summary.problems
    assert problem.message.startswith("the record at offset 0 is larger than 1 MB; not imported")
    assert summary.outcomes[Outcome.WRITTEN] == 1  # the record after it


def test_a_gzip_member_cut_in_the_middle_is_an_error_after_the_records_before_it(tmp_path, sources):
    whole = write_warc(tmp_path / "whole.warc.gz", sample_records()).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    # one gzip member per record: cut the last one a few bytes after its start
    import zlib

    first = zlib.decompressobj(16 + zlib.MAX_WBITS)
    first.decompress(whole)
    second_start = len(whole) - len(first.unused_data)
    second = zlib.decompressobj(16 + zlib.MAX_WBITS)
    second.decompress(first.unused_data)
    third_start = len(whole) - len(second.unused_data)
    cut.write_bytes(whole[: third_start + 10])
    summary = import_digests([cut], tmp_path / "content", tmp_path, sources)
    assert summary.outcomes[Outcome.WRITTEN] == 1  # the harbour page, before the cut
    (problem,) = summary.problems.errors
    assert f"the gzip member at byte {third_start} is cut off" in problem.message
    assert second_start < third_start


# -- (7) characters XML 1.0 forbids ----------------------------------------------------------------


def test_form_feed_and_noncharacters_are_warned_about_and_stored_visibly(tmp_path, sources):
    digest = tmp_path / "d.txt"
    digest.write_text("Form feed note\n\nSource: Harbour Gazette\nBefore\x0cafter, and \ufffe and \uffff.\n")
    summary = import_digests([digest], tmp_path / "content", tmp_path, sources)
    assert [str(p) for p in summary.problems] == [
        f"{digest}:4: warning: characters XML 1.0 forbids: U+000C (FORM FEED) shown as \u240c, "
        "U+FFFE shown as \ufffd, U+FFFF shown as \ufffd"
    ]
    (path,) = (tmp_path / "content").rglob("*.md")
    text = path.read_text()
    assert "Before\u240cafter, and \ufffd and \ufffd." in text
    assert not any(c in text for c in "\x0c\ufffe\uffff")


def test_any_input_kinds_article_is_cleaned_field_by_field_with_a_warning():
    # the HTML and feed readers drop most of these already; this is the net under every input kind
    article = Article(
        title="Quay\x0bmarket", attribution=Attribution(source="Harbour\x85Gazette", authors=["Jane\x1bRoe"]),
        body=[BodyBlock(BodyKind.PARAGRAPH, ["Stalls\ufffe moved."], 0, 0)],
        digest="inputs/quay.html", first_line=0, last_line=0, digest_sha256="0" * 64, input_kind=InputKind.HTML,
    )
    problems = clean_article(article, "inputs/quay.html")
    assert [str(p) for p in problems] == [
        "inputs/quay.html: warning: characters XML 1.0 forbids: U+000B (LINE TABULATION) shown as \u240b",
        "inputs/quay.html: warning: characters XML 1.0 forbids: U+0085 shown as \ufffd",
        "inputs/quay.html: warning: characters XML 1.0 forbids: U+001B (ESCAPE) shown as \u241b",
        "inputs/quay.html: warning: characters XML 1.0 forbids: U+FFFE shown as \ufffd",
    ]
    assert (article.title, article.attribution.source, article.attribution.authors, article.body[0].lines) == (
        "Quay\u240bmarket", "Harbour\ufffdGazette", ["Jane\u241bRoe"], ["Stalls\ufffd moved."]
    )


def test_the_import_command_refuses_dev_zero_and_exits_1(tmp_path):
    from typer.testing import CliRunner

    from newsarchive.cli import app

    old = os.getcwd()
    (tmp_path / "pelicanconf.py").write_text("")  # a site folder
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["import", "/dev/zero", "--taxonomy", str(REPO / "taxonomy")])
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    assert "/dev/zero: error: is not a regular file (a device, pipe or socket); not imported" in result.output
    assert "0 articles: 0 written" in result.output


def test_a_site_folder_where_the_lock_cannot_be_made_is_an_error_line(tmp_path, digest, monkeypatch):
    from typer.testing import CliRunner

    from newsarchive.cli import app
    from newsarchive.model import site_lock

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / ".newsarchive.lock"))

    monkeypatch.setattr(site_lock.FileLock, "acquire", read_only)
    (tmp_path / "pelicanconf.py").write_text("")  # a site folder
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["import", "digests/d.txt", "--taxonomy", str(REPO / "taxonomy")])
    assert result.exit_code == 1
    assert f"{tmp_path / '.newsarchive.lock'}: error: cannot take the site's lock: Read-only file system" in (
        result.output
    )
    assert content_files(tmp_path) == []


def test_an_unreadable_article_file_is_an_error_line_not_a_traceback(tmp_path, digest, sources):
    import_digests([digest], tmp_path / "content", tmp_path, sources)
    broken = tmp_path / "content" / "articles" / "undated" / "broken.md"
    broken.write_bytes(b"Title: \xff\xfe broken\n\nbody\n")
    summary = import_digests([digest], tmp_path / "content", tmp_path, sources)
    assert [str(p) for p in summary.problems] == [
        f"{broken}: error: cannot be read (it is not UTF-8); left alone, and its article not matched"
    ]
    assert summary.outcomes[Outcome.UNCHANGED] == 3

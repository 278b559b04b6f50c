"""The command line: problems as path:line, exit codes 0 / 1 / 2, progress and a summary."""

import os

import pytest
from typer.testing import CliRunner

from newsarchive.cli import app

from .conftest import REPO


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args):
        old = os.getcwd()
        os.chdir(REPO)  # taxonomy/ is read from the site folder
        try:
            return runner.invoke(app, [str(a) for a in args])
        finally:
            os.chdir(old)

    return invoke


def test_import_real_digest_warns_of_the_repeat_and_exits_0(run, real_digest, tmp_path):
    result = run("import", real_digest.path, "--content", tmp_path / "content")
    assert result.exit_code == 0, result.output
    assert f"{real_digest.path}:69: warning:" in result.output
    assert "line 69 repeats the paragraph at line 67" in result.output
    assert len(list((tmp_path / "content").rglob("*.md"))) == 6
    assert "6 articles: 6 written" in result.output


def test_strict_turns_warnings_into_failure(run, real_digest, tmp_path):
    result = run("import", real_digest.path, "--content", tmp_path / "c", "--strict")
    assert result.exit_code == 1


def test_check_reports_attribution_without_title_and_exits_1(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "Good title\n\nBody.\n\n\n\nSource: Northern Wire\nText without a title.\n\n\n\nBy Jane Roe\nMore.\n"
    )
    result = run("check", bad)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(bad))]
    assert lines[0].startswith(f"{bad}:7: error: expected a title line before the source line")
    assert lines[1].startswith(f"{bad}:12: error: expected a title line before the byline")
    assert not (tmp_path / "content").exists()


def test_all_problems_of_all_digests_are_reported(run, tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("By Jane Roe\nx\n")
    two.write_bytes(b"\x00\x01binary")
    result = run("import", one, two, "--content", tmp_path / "content")
    assert result.exit_code == 1
    assert f"{one}:1: error:" in result.output and f"{two}: error:" in result.output


def test_usage_errors_exit_2(run, tmp_path):
    assert run("import").exit_code == 2
    assert run("import", tmp_path / "missing.txt").exit_code == 2
    assert run("import", REPO / "pyproject.toml", "--date", "yesterday").exit_code == 2


def test_dry_run_writes_nothing(run, real_digest, tmp_path):
    result = run("import", real_digest.path, "--content", tmp_path / "c", "--dry-run")
    assert result.exit_code == 0 and "6 would write" in result.output
    assert not (tmp_path / "c").exists()


def test_progress_names_each_digest(run, real_digest, tmp_path):
    result = run("import", real_digest.path, "--content", tmp_path / "c")
    assert f"[1/1] {real_digest.path}: 6 articles" in result.output


def test_help_shows_defaults_written_in_square_brackets_and_no_value_for_flags(run):
    result = run("import", "--help")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "[default: content, in an archive's folder]" in text and "[default: taxonomy]" in text
    assert "<bool>" not in text and "--dry-run Parse and report" in text

"""Builds are deterministic (whatever the hash seed, time zone or locale) and atomic."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO, copy_theme, make_site

pytestmark = pytest.mark.slow
NEWSARCHIVE = str(Path(sys.executable).with_name("newsarchive"))


def nondeterministic_dirs() -> tuple[str, ...]:
    """Output folders whose bytes a tool we call does not keep stable (the search index)."""
    try:
        from newsarchive.incremental.search_index import NONDETERMINISTIC_DIRS
    except ImportError:
        return ()
    return tuple(NONDETERMINISTIC_DIRS)


def tree(output: Path) -> dict[str, bytes]:
    skip = nondeterministic_dirs()
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted(output.rglob("*"))
        if p.is_file() and not p.relative_to(output).as_posix().startswith(skip)
    }


@pytest.fixture(scope="module")
def sample_root(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("reliable"))
    shutil.copytree(REPO / "content", root / "content")
    return root


def build(root: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    return subprocess.run([NEWSARCHIVE, "build"], cwd=root, env=environment, capture_output=True, text=True,
                          timeout=300)


def test_two_builds_are_byte_identical_under_other_seed_time_zone_and_locale(sample_root, tmp_path):
    # Two copies of the site, so neither build can reuse the other's cache or skip as unchanged.
    one, two = tmp_path / "one", tmp_path / "two"
    shutil.copytree(sample_root, one)
    shutil.copytree(sample_root, two)
    first = build(one, PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C.UTF-8")
    assert first.returncode == 0, first.stderr
    second = build(two, PYTHONHASHSEED="4242", TZ="Pacific/Kiritimati", LC_ALL="C", LANG="C")
    assert second.returncode == 0, second.stderr
    before, after = tree(one / "output"), tree(two / "output")
    assert sorted(before) == sorted(after)
    assert [name for name in before if before[name] != after[name]] == []


def test_a_failed_build_leaves_the_previous_output_untouched(sample_root, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(sample_root, root)
    assert build(root).returncode == 0
    before = {p.relative_to(root / "output"): p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()}
    template = copy_theme(root) / "templates" / "article.html"
    broken = template.read_text().replace("{% block content %}", "{% block content %}{{ no_such_function() }}", 1)
    assert "no_such_function" in broken
    template.write_text(broken)
    failed = build(root)
    assert failed.returncode == 1
    line = broken.split("\n").index(next(t for t in broken.split("\n") if "no_such_function" in t)) + 1
    assert f"theme/templates/article.html:{line}: error: template error: UndefinedError" in failed.stderr
    assert "the previous site was left as it was" in failed.stderr
    after = {p.relative_to(root / "output"): p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()}
    assert after == before
    assert not list(root.glob(".output.*")), "no staging folder is left behind"


def test_a_site_with_pages_besides_its_articles_builds(sample_root, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(sample_root, root)
    (root / "content" / "pages").mkdir()
    (root / "content" / "pages" / "about.md").write_text("Title: About this archive\n\nWho keeps it.\n")
    built = build(root)
    assert built.returncode == 0, built.stderr
    page = (root / "output" / "pages" / "about-this-archive.html").read_text(encoding="utf-8")
    assert "Who keeps it." in page


def test_the_build_says_what_it_is_doing_on_stderr_unless_quiet(sample_root, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(sample_root, root)
    built = build(root)
    assert built.returncode == 0, built.stderr
    steps = [line.split("] ", 1)[1] for line in built.stderr.splitlines() if line.startswith("[")]
    expected = ["checking what changed", "running Pelican", "reading", "finding story clusters",
                "finding related articles", "writing pages", "search index"]
    found = [next((i for i, step in enumerate(steps) if step.startswith(start)), None) for start in expected]
    assert None not in found and found == sorted(found), steps
    assert built.stderr.splitlines()[-1].startswith("built "), "the summary comes last"
    (root / "content" / "articles").rglob("*.md").__next__().write_text("Title: Changed\n\nNew body.\n")
    quiet = subprocess.run([NEWSARCHIVE, "build", "--quiet"], cwd=root, capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0, quiet.stderr
    assert not [line for line in quiet.stderr.splitlines() if line.startswith("[")], quiet.stderr
    assert quiet.stderr.splitlines()[-1].startswith("built ")

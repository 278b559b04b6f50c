"""A rebuild after editing one article gives the same bytes as a cold build of the same content."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from newsarchive.build.run import build_site
from newsarchive.incremental.search_index import BUNDLE_DIR, NONDETERMINISTIC_DIRS

from ..conftest import REPO, build_in, copy_theme, make_site

pytestmark = pytest.mark.slow


def tree(output: Path) -> dict[str, bytes]:
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted(output.rglob("*"))
        if p.is_file() and not p.relative_to(output).as_posix().startswith(NONDETERMINISTIC_DIRS)
    }


def build(root: Path, force: bool = False):
    report = build_in(root, force=force)
    assert not report.problems.errors, [str(p) for p in report.problems.errors]
    return report


def articles(root: Path) -> list[Path]:
    return sorted((root / "content").rglob("*.md"))


@pytest.fixture(scope="module")
def incremental(tmp_path_factory) -> Path:
    """A site built cold, then rebuilt after one word of one article's body changed."""
    root = make_site(tmp_path_factory.mktemp("incremental"))
    shutil.copytree(REPO / "content", root / "content")
    build(root)
    edited = articles(root)[0]
    header, body = edited.read_text(encoding="utf-8").split("\n\n", 1)
    edited.write_text(header + "\n\n" + body.replace(" the ", " this ", 1), encoding="utf-8")
    untouched = root / "output" / "articles" / f"{articles(root)[-1].stem}.html"
    inode = untouched.stat().st_ino
    build(root)
    assert (root / "output" / "articles" / f"{articles(root)[-1].stem}.html").stat().st_ino == inode, (
        "an unchanged page should be linked from the previous output, not written again"
    )
    return root


def test_incremental_build_after_one_edit_is_identical_to_a_cold_build(incremental, tmp_path):
    cold = make_site(tmp_path / "cold")
    shutil.copytree(incremental / "content", cold / "content")
    build(cold)
    assert list((cold / "cache").glob("newsarchive-*.sqlite")), "the cold build should leave a parse cache"
    incremental_tree, cold_tree = tree(incremental / "output"), tree(cold / "output")
    assert sorted(incremental_tree) == sorted(cold_tree)
    assert [name for name in cold_tree if incremental_tree[name] != cold_tree[name]] == []


def test_edited_article_is_rebuilt_and_searchable(incremental):
    edited = articles(incremental)[0]
    page = (incremental / "output" / "articles" / f"{edited.stem}.html").read_text(encoding="utf-8")
    assert " this " in page
    assert (incremental / "output" / BUNDLE_DIR / "pagefind.js").is_file()


def test_rebuild_with_nothing_changed_reuses_the_search_index(incremental):
    bundle = incremental / "output" / BUNDLE_DIR / "pagefind.js"
    before = bundle.stat().st_ino
    build(incremental)
    assert bundle.stat().st_ino == before


def test_rebuild_with_the_same_inputs_is_skipped(incremental):
    build(incremental)  # records the inputs of this output
    output = incremental / "output"
    before, inode = tree(output), output.stat().st_ino
    report = build(incremental)
    assert output.stat().st_ino == inode, "nothing changed: the output folder should not be swapped"
    assert tree(output) == before
    assert report.articles == len(articles(incremental))
    assert report.up_to_date and "is up to date" in report.describe()


def test_force_builds_even_when_nothing_changed(incremental):
    build(incremental)
    output = incremental / "output"
    before, inode = tree(output), output.stat().st_ino
    report = build(incremental, force=True)
    assert not report.up_to_date
    assert output.stat().st_ino != inode, "a forced build swaps in a new output folder"
    assert tree(output) == before


def test_a_changed_template_or_a_missing_output_file_rebuilds(incremental):
    output = incremental / "output"
    build(incremental)
    removed = output / "search.html"
    removed.unlink()
    build(incremental)
    assert removed.is_file(), "a page missing from the output should be written again"
    base = copy_theme(incremental) / "templates" / "base.html"
    build(incremental)
    base.write_text(base.read_text(encoding="utf-8").replace("Skip to content", "Skip to the content"), "utf-8")
    build(incremental)
    assert "Skip to the content" in (output / "index.html").read_text(encoding="utf-8")


def _edit_body(root: Path) -> None:
    edited = articles(root)[1]
    header, body = edited.read_text(encoding="utf-8").split("\n\n", 1)
    edited.write_text(header + "\n\n" + body.replace(" the ", " that ", 1), encoding="utf-8")


def _edit_header(field: str, value: str):
    def edit(root: Path) -> None:
        edited = articles(root)[2]
        lines = edited.read_text(encoding="utf-8").split("\n")
        lines = [f"{field}: {value}" if line.startswith(f"{field}:") else line for line in lines]
        edited.write_text("\n".join(lines), encoding="utf-8")

    return edit


def _add_place(root: Path) -> None:
    edited = articles(root)[3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA second convoy reached Aleppo.\n", encoding="utf-8")


def _remove_article(root: Path) -> None:
    articles(root)[4].unlink()


def _add_article(root: Path) -> None:
    source = articles(root)[5]
    copy = source.with_name("a-new-article.md")
    text = source.read_text(encoding="utf-8").replace("Slug: ", "Slug: new-", 1)
    copy.write_text(text.replace("Title: ", "Title: New: ", 1), encoding="utf-8")


EDITS = {
    "body": _edit_body,
    "title": _edit_header("Title", "A title changed by hand"),
    "date": _edit_header("Date", "2024-06-03"),
    "source": _edit_header("Source", "Harbour Gazette"),
    "new tag": _add_place,
    "removed article": _remove_article,
    "added article": _add_article,
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_incremental_build_equals_a_cold_build_after(edit, tmp_path):
    """Pages whose inputs did not change are reused unrendered; the result must still be a cold build's."""
    root = make_site(tmp_path / "incremental")
    shutil.copytree(REPO / "content", root / "content")
    build(root)
    EDITS[edit](root)
    report = build(root)
    assert report.rendered is not None and report.reused > 0, report.describe()
    cold = make_site(tmp_path / "cold")
    shutil.copytree(root / "content", cold / "content")
    build(cold)
    incremental_tree, cold_tree = tree(root / "output"), tree(cold / "output")
    assert sorted(incremental_tree) == sorted(cold_tree)
    assert [name for name in cold_tree if incremental_tree[name] != cold_tree[name]] == []


def test_a_body_edit_renders_only_the_pages_that_show_it(tmp_path):
    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    build(root)
    _edit_body(root)
    report = build(root)
    # its page and the feeds that carry its text; lists show only its title, date and source
    assert 1 <= report.rendered <= 6, report.describe()


def test_a_body_edit_writes_only_the_files_whose_bytes_change(tmp_path):
    """Every other file, the dataset and the search index's unchanged fragments included, is linked
    from the previous output (same inode); Pelican copies the theme's static files on every build."""
    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    build(root)
    output = root / "output"
    inodes = {p.relative_to(output).as_posix(): p.stat().st_ino for p in output.rglob("*") if p.is_file()}
    _edit_body(root)
    build(root)
    written = sorted(name for name, inode in inodes.items()
                     if (output / name).is_file() and (output / name).stat().st_ino != inode)
    page = f"articles/{articles(root)[1].stem}.html"
    assert [name for name in written if not name.startswith(("theme/", BUNDLE_DIR + "/", ".newsarchive"))] == [page]
    fragments = [name for name in inodes if name.endswith(".pf_fragment")]
    assert len(fragments) > 10 and len([name for name in written if name.endswith(".pf_fragment")]) <= 1
    assert "data/articles.csv" in inodes and "data/articles.csv" not in written


def test_an_edit_rebuilds_only_the_search_index_part_holding_the_article(tmp_path):
    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    (root / "partsconf.py").write_text(
        "import sys\nsys.path.insert(0, '.')\nfrom pelicanconf import *  # noqa: F403\n"
        "NEWSARCHIVE_SEARCH_SHARD_SIZE = 4\n",
        encoding="utf-8",
    )
    old = Path.cwd()
    os.chdir(root)
    try:
        first = build_site(root / "partsconf.py")
        bundle = root / "output" / BUNDLE_DIR
        inodes = {p: p.stat().st_ino for p in bundle.rglob("*.pf_fragment")}
        _edit_body(root)
        second = build_site(root / "partsconf.py")
    finally:
        os.chdir(old)
    assert first.search_parts >= 3 and first.search_parts_indexed == first.search_parts
    assert second.search_parts == first.search_parts and second.search_parts_indexed == 1, second.describe()
    assert "search index: 1 of" in second.describe()
    kept = [p for p in bundle.rglob("*.pf_fragment") if p in inodes and p.stat().st_ino == inodes[p]]
    assert len(kept) >= len(inodes) // 2, "the other parts' bundles are linked from the previous output"


@pytest.mark.parametrize("when", ["before Pelican reads", "after Pelican has read"])
def test_an_article_edited_during_a_build_is_built_again_by_the_next_build(incremental, monkeypatch, when):
    from newsarchive.build import run as site

    build(incremental)
    edited = articles(incremental)[1]
    original = edited.read_text(encoding="utf-8")
    step = "_run_pelican"  # in the build's child, after the inputs were hashed
    real = getattr(site, step)

    def edit():
        edited.write_text(original.rstrip("\n") + "\n\nEdited while the site was building.\n", encoding="utf-8")

    def edit_then_build(*args, **kwargs):
        if when == "before Pelican reads":
            edit()
            return real(*args, **kwargs)
        finished = real(*args, **kwargs)
        edit()
        return finished

    try:
        monkeypatch.setattr(site, step, edit_then_build)
        build(incremental, force=True)  # its inputs were hashed before the edit
        monkeypatch.undo()
        again = build(incremental)
        assert not again.up_to_date, "an input changed after it was hashed: the next build must not be skipped"
        page = (incremental / "output" / "articles" / f"{edited.stem}.html").read_text(encoding="utf-8")
        assert "Edited while the site was building." in page
    finally:
        edited.write_text(original, encoding="utf-8")
        build(incremental)

"""The speed layer changes how much a build redoes, never what it builds: the features alone
(``PLUGINS = ["newsarchive.site"]``) and a Pelican the patches were not written for build the
same pages as the whole plugin."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.incremental import BUNDLE_DIR, pelican_patches
from newsarchive.model.packaged import THEME

from ..conftest import REPO, build_from_digests, make_site

pytestmark = pytest.mark.slow


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and BUNDLE_DIR not in p.parts}


def assert_same_pages(built: Path, expected: Path) -> None:
    files = _files(expected)
    assert _files(built) == files
    _, mismatch, errors = filecmp.cmpfiles(expected, built, sorted(files), shallow=False)
    assert mismatch == [] and errors == []


def _sample_with(root: Path, plugins: str):
    conf = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    assert 'PLUGINS = ["newsarchive.plugin"]' in conf
    root.mkdir(parents=True)
    (root / "features_only.py").write_text(conf.replace('["newsarchive.plugin"]', plugins), encoding="utf-8")
    return build_from_digests(root, sorted((REPO / "digests").glob("*.txt")), "features_only.py")


def test_the_features_alone_build_the_same_pages(sample_site, tmp_path):
    built = _sample_with(tmp_path / "site", '["newsarchive.site"]')
    assert not [p for p in built.problems if p.severity == "error"]
    assert_same_pages(built.output, sample_site.output)


def test_another_pelican_version_builds_without_the_patches_and_says_so_once(sample_site, tmp_path, monkeypatch):
    monkeypatch.setattr(pelican_patches, "pelican_version", lambda: "4.13.0")  # the build's child inherits it
    built = build_from_digests(tmp_path / "site", sorted((REPO / "digests").glob("*.txt")))
    said = [p.message for p in built.problems if "speed layer" in p.message]
    assert said == ["Pelican 4.13.0 is not a version the speed layer's patches were tested against (4.12.x): "
                    "building without them (slower; the same pages)"]
    assert_same_pages(built.output, sample_site.output)


@pytest.mark.parametrize(("version", "fits"), [("4.12.0", True), ("4.12.3", True), ("4.11.0", False),
                                               ("4.13.0", False), ("5.0", False), ("unknown", False)])
def test_the_patches_fit_only_the_pelican_they_were_tested_against(version, fits):
    assert pelican_patches.enabled(version) is fits


def test_plain_pelican_builds_the_search_index_at_the_end_of_its_run(tmp_path):
    """``newsarchive build``'s parent indexes part by part; under plain ``pelican`` the features index
    the written output with the speed layer's Pagefind runner, so the search page works there too."""
    site = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", site / "content")
    done = subprocess.run([sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "-t", str(THEME)], cwd=site,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (site / "output" / BUNDLE_DIR / "pagefind.js").is_file()
    assert (site / "output" / "search.html").is_file()

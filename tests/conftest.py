"""Shared fixtures: the repository, the real digest in ../shared, sites built once per run."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsarchive.analysis.tagging.sources import SourceList, load_sources
from newsarchive.build.run import build_site
from newsarchive.ingest.importer import import_digests

REPO = Path(__file__).resolve().parent.parent
SHARED_DIGESTS = REPO.parent / "shared" / "digests"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SITE_FILES = ("pelicanconf.py", "publishconf.py", "taxonomy")


@pytest.fixture(scope="session")
def sources() -> SourceList:
    return load_sources(REPO / "taxonomy" / "sources.yaml")


@dataclass
class RealDigest:
    path: Path
    oracle: dict

    @property
    def articles(self) -> list[dict]:
        return self.oracle["articles"]


def real_digests() -> list[Path]:
    return sorted(SHARED_DIGESTS.glob("*.txt")) if SHARED_DIGESTS.is_dir() else []


@pytest.fixture(scope="session")
def real_digest() -> RealDigest:
    paths = real_digests()
    if not paths:
        if IN_CI:
            pytest.fail(f"CI=true but no digest in {SHARED_DIGESTS}")
        pytest.skip(f"the real digest is read from {SHARED_DIGESTS}, which is absent")
    path = paths[0]
    oracle = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    return RealDigest(path, oracle)


def make_site(root: Path) -> Path:
    """A site folder with the repository's settings, theme and taxonomy, and no content."""
    root.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    return root


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_theme(root: Path) -> Path:
    """The packaged theme copied into the site and named in its settings (`newsarchive theme copy`), to edit."""
    from newsarchive.model.packaged import THEME

    shutil.copytree(THEME, root / "theme")
    with open(root / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write('\nTHEME = "theme"\n')
    return root / "theme"


@dataclass
class BuiltSite:
    root: Path
    content: Path
    output: Path
    problems: list

    def page(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")


def build_in(root: Path, settings_file: str = "pelicanconf.py", **options):
    """``newsarchive build`` run in the site folder, as `make site` does (pelicanconf.py's paths are relative to it)."""
    with contextlib.chdir(root):
        return build_site(root / settings_file, **options)


def build_from_digests(root: Path, digests: list[Path], settings_file: str = "pelicanconf.py") -> BuiltSite:
    make_site(root)
    local = []
    for digest in digests:  # inside the site, so articles record digests/<name>
        (root / "digests").mkdir(exist_ok=True)
        shutil.copy(digest, root / "digests" / digest.name)
        local.append(root / "digests" / digest.name)
    summary = import_digests(local, root / "content", root, load_sources(root / "taxonomy" / "sources.yaml"))
    report = build_in(root, settings_file)
    problems = list(summary.problems) + list(report.problems)
    return BuiltSite(root, root / "content", root / "output", problems)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> BuiltSite:
    return build_from_digests(tmp_path_factory.mktemp("sample"), sorted((REPO / "digests").glob("*.txt")))


@pytest.fixture(scope="session")
def published_sample_site(tmp_path_factory) -> BuiltSite:
    """The sample built with publishconf.py: absolute URLs and feeds."""
    digests = sorted((REPO / "digests").glob("*.txt"))
    return build_from_digests(tmp_path_factory.mktemp("published"), digests, "publishconf.py")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, real_digest) -> BuiltSite:
    return build_from_digests(tmp_path_factory.mktemp("real"), [real_digest.path])

"""A cold build parses on every core, and the workers leave everything the main process would
otherwise compute one article at a time: the parse, the figures and the words clusters count."""

from __future__ import annotations

import multiprocessing
import os
import shutil

import pytest

from newsarchive.analysis.research import clusters as research
from newsarchive.build.run import build_site

from ..conftest import REPO, make_site

pytestmark = pytest.mark.slow


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked")
def test_the_main_process_tokenises_no_article_after_the_workers_parsed_them(tmp_path, monkeypatch):
    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    with open(root / "pelicanconf.py", "a", encoding="utf-8") as f:
        f.write("\nNEWSARCHIVE_WORKERS = 2\n")
    tokenised = tmp_path / "tokenised"  # a file: Pelican runs in a forked child, the workers in its pool
    real = research.Tokens.of.__func__

    def counting(cls, text):
        if not multiprocessing.current_process().name.startswith("ForkPoolWorker"):
            with open(tokenised, "a", encoding="utf-8") as f:
                f.write(f"{os.getpid()} {text[:40]!r}\n")
        return real(cls, text)

    monkeypatch.setattr(research.Tokens, "of", classmethod(counting))
    monkeypatch.chdir(root)
    report = build_site(root / "pelicanconf.py")
    assert not report.problems.errors, [str(p) for p in report.problems.errors]
    assert report.articles >= 8  # enough for the workers to be used
    assert not tokenised.exists(), tokenised.read_text(encoding="utf-8")


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="Pelican runs in a forked child")
def test_a_one_build_process_leaves_the_tagger_to_the_pelican_process(tmp_path, monkeypatch):
    """The command line's process stays small beside Pelican and Pagefind: only the child loads the tagger."""
    from newsarchive.site import tags

    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    loaded = tmp_path / "loaded"
    real = tags.site_tagger

    def recording(settings):
        with open(loaded, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(settings)

    monkeypatch.setattr(tags, "site_tagger", recording)
    monkeypatch.chdir(root)
    report = build_site(root / "pelicanconf.py", load_shared=False)
    assert not report.problems.errors, [str(p) for p in report.problems.errors]
    loaders = set(loaded.read_text(encoding="utf-8").split())
    assert loaders and str(os.getpid()) not in loaders

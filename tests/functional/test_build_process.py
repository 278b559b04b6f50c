"""The build's own process stays small beside Pelican's: it forks the process that reads the
settings and runs Pelican, and loads neither Pelican, its renderers, the tagger nor the
importer itself (their memory would add up with the child's)."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
import sys

import pytest

from newsarchive.site.tags import TAGGER_FILE

from ..conftest import REPO, make_site

pytestmark = pytest.mark.slow

HEAVY = ("pelican", "jinja2", "markdown", "scipy", "numpy", "yaml", "newsarchive.ingest.importer",
         "newsarchive.analysis.tagging")

BUILD = """
import json, sys
from pathlib import Path
from newsarchive import cli  # noqa: F401 - what `newsarchive build` loads before it builds
from newsarchive.build.run import build_site
report = build_site(Path("pelicanconf.py"), load_shared=False)
loaded = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[1:])))
print(json.dumps({"errors": [str(p) for p in report.problems.errors], "articles": report.articles,
                  "parts": report.search_parts, "loaded": loaded}))
"""


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="Pelican runs in a forked child")
def test_the_command_lines_process_builds_without_loading_pelican_or_the_tagger(tmp_path):
    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    done = subprocess.run([sys.executable, "-c", BUILD, *HEAVY], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    told = json.loads(done.stdout.splitlines()[-1])
    assert told["errors"] == [] and told["articles"] >= 8
    assert told["parts"] >= 1, "the search index was built by this process, from what the child told it"
    assert (root / "output" / "pagefind" / "pagefind.js").exists()
    assert told["loaded"] == []
    assert (root / "cache" / TAGGER_FILE).is_file(), "the Pelican process kept its tagger for the next build"


def test_a_settings_file_that_fails_is_one_problem_and_leaves_the_site_alone(tmp_path, monkeypatch):
    from newsarchive.build.run import build_site

    root = make_site(tmp_path / "site")
    (root / "content").mkdir()
    (root / "output").mkdir()
    (root / "output" / "index.html").write_text("before", encoding="utf-8")
    monkeypatch.chdir(root)
    for text, line, kind in (("PLUGINS = [\n", 1, "SyntaxError"), ("X = 1\nY = 1 / 0\n", 2, "ZeroDivisionError"),
                             ("import sys\nsys.exit(3)\n", 2, "SystemExit")):
        (root / "broken.py").write_text(text, encoding="utf-8")
        report = build_site(root / "broken.py")
        first = report.problems.errors[0]
        assert (first.path, first.line) == (str(root / "broken.py"), line)
        assert first.message.startswith(f"settings not read: {kind}")
        assert (root / "output" / "index.html").read_text(encoding="utf-8") == "before"

"""Two imports into one site at once: they take turns on the site's lock, and no article is lost."""

import subprocess
import sys
from pathlib import Path

from newsarchive.model.article_file import read_article_file

from ..conftest import make_site

ARTICLES = 40


def digest(outlet: str) -> str:
    """The same titles as the other digest (daily updates), each with this outlet's own text."""
    return "".join(
        f"Daily update {n}\n\nSource: {outlet}\nReport number {n} from the {outlet} desk, written on its own.\n\n\n\n"
        for n in range(ARTICLES)
    )


def test_two_concurrent_imports_with_overlapping_titles_keep_every_article(tmp_path):
    site = make_site(tmp_path / "site")
    for name, outlet in (("a", "Harbour Gazette"), ("b", "Valley Courier")):
        (site / "digests" / f"{name}.txt").parent.mkdir(exist_ok=True)
        (site / "digests" / f"{name}.txt").write_text(digest(outlet), encoding="utf-8")
    command = [str(Path(sys.executable).with_name("newsarchive")), "import"]
    runs = [
        subprocess.Popen([*command, f"digests/{name}.txt"], cwd=site, stderr=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]
    outputs = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    files = [read_article_file(p) for p in (site / "content").rglob("*.md")]
    assert len(files) == 2 * ARTICLES
    bodies = {f.text.partition("\n\n")[2] for f in files}
    assert len(bodies) == 2 * ARTICLES  # none overwritten by the other run
    assert {f.header["source"] for f in files} == {"Harbour Gazette", "Valley Courier"}

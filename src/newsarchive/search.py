"""The search index: Pagefind run over the folder Pelican wrote, after Pelican succeeds.

Only article pages carry ``data-pagefind-body`` (see ``theme/templates/partials/search_data.html``),
so Pagefind indexes article bodies alone and list pages do not flood the results.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .problems import Problems

# Where Pagefind writes its bundle, relative to the output folder.
BUNDLE_DIR = "pagefind"

# Output folders whose bytes may differ between two builds of the same content: Pagefind
# names its index and fragment files by content hash but does not promise byte-identical
# output. A determinism test compares the rest of the tree byte for byte and skips these.
NONDETERMINISTIC_DIRS: tuple[str, ...] = (BUNDLE_DIR,)


def pagefind_command(output: Path, glob: str | None = None) -> list[str]:
    """The Pagefind CLI from the PyPI wheel (``pagefind[extended]`` ships the binary: no download)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(output), "--output-subdir", BUNDLE_DIR, "--quiet"]
    return command + ["--glob", glob] if glob else command


def article_pages_glob(article_save_as: str) -> str | None:
    """The files Pagefind needs to read: only article pages carry ``data-pagefind-body``, so when
    ``ARTICLE_SAVE_AS`` puts them in a fixed folder ("articles/{slug}.html"), that folder's pages;
    None (every page) when the folder itself has a placeholder."""
    folder = article_save_as.rpartition("/")[0]
    if not folder or "{" in folder:
        return None
    return f"{folder}/**/*.html"


def index_site(output: Path, problems: Problems, shown_as: Path | None = None, glob: str | None = None) -> bool:
    """Build the search index in ``output/pagefind/``; a failure becomes one problem on ``shown_as``.

    ``shown_as`` is the folder the user asked for, when ``output`` is a staging folder; ``glob``
    limits the pages Pagefind reads (see :func:`article_pages_glob`).
    """
    where = str(shown_as or output)
    command = pagefind_command(output, glob)
    try:
        run = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        problems.error(where, 0, f"search index not built: could not run Pagefind ({exc})")
        return False
    messages = " ".join(f"{run.stderr} {run.stdout}".split())
    if run.returncode != 0:
        reason = messages or f"Pagefind exited with status {run.returncode}"
        if "No module named pagefind" in reason or "executable" in reason.lower():
            reason += " (install it with: pip install 'pagefind[extended]')"
        problems.error(where, 0, f"search index not built: {reason}")
        return False
    if not (output / BUNDLE_DIR / "pagefind.js").is_file():
        problems.error(where, 0, f"search index not built: Pagefind wrote no {BUNDLE_DIR}/pagefind.js")
        return False
    return True


def _pages(root: Path) -> set[str]:
    """The HTML pages under ``root``, outside the bundle: what Pagefind reads."""
    found = set()
    for folder, subfolders, files in os.walk(root):
        if folder == str(root):
            subfolders[:] = [d for d in subfolders if d != BUNDLE_DIR]
        found.update(os.path.relpath(os.path.join(folder, f), root) for f in files if f.endswith(".html"))
    return found


def reuse_index(previous: Path, output: Path) -> bool:
    """Link the previous output's index into ``output`` when it indexed the same pages; True if done.

    Call it only when no page's bytes changed (``newsarchive build`` knows from its writer):
    then the same set of pages means the same index, and Pagefind need not run again.
    """
    bundle = previous / BUNDLE_DIR
    if not (bundle / "pagefind.js").is_file() or (output / BUNDLE_DIR).exists():
        return False
    if _pages(previous) != _pages(output):
        return False
    for folder, _, files in os.walk(bundle):
        target = output / BUNDLE_DIR / os.path.relpath(folder, bundle)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.link(os.path.join(folder, name), target / name)
    return True

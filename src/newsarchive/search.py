"""The search index: Pagefind run over the folder Pelican wrote, after Pelican succeeds.

Only article pages carry ``data-pagefind-body`` (see ``theme/templates/partials/search_data.html``),
so Pagefind indexes article bodies alone and list pages do not flood the results.
"""

from __future__ import annotations

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


def pagefind_command(output: Path) -> list[str]:
    """The Pagefind CLI from the PyPI wheel (``pagefind[extended]`` ships the binary: no download)."""
    return [sys.executable, "-m", "pagefind", "--site", str(output), "--output-subdir", BUNDLE_DIR, "--quiet"]


def index_site(output: Path, problems: Problems, shown_as: Path | None = None) -> bool:
    """Build the search index in ``output/pagefind/``; a failure becomes one problem on ``shown_as``.

    ``shown_as`` is the folder the user asked for, when ``output`` is a staging folder.
    """
    where = str(shown_as or output)
    try:
        run = subprocess.run(pagefind_command(output), capture_output=True, text=True, check=False)
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

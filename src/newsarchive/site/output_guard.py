"""Under plain ``pelican``: the same check of the output folder as ``newsarchive build`` makes,
before Pelican deletes or writes anything (``initialized``, connected first: ``site.CONNECTIONS``).

A refusal stops the build with one ``path: error: ...`` line and exit code 2 (``OutputRefused``
carries it). An accepted folder is marked as a build's output, and the mark is kept through
Pelican's ``DELETE_OUTPUT_DIRECTORY`` clean-up.
"""

from __future__ import annotations

from pathlib import Path

from ..incremental import BUNDLE_DIR
from ..model.output_folder import MARK, SiteFolders, check_output, mark


def check_output_folder(pelican) -> None:
    settings = pelican.settings
    output = Path(pelican.output_path)
    site = Path(settings["PATH"]).parent
    cache = Path(settings["CACHE_PATH"]) if settings.get("CACHE_PATH") else None
    check_output(output, SiteFolders.of(site, settings), cache)
    mark(output)
    # the mark, and the search index (rebuilt at ``finalized``, kept meanwhile under ``pelican -r -l``)
    kept = [name for name in (MARK, BUNDLE_DIR) if name not in pelican.output_retention]
    pelican.output_retention = [*pelican.output_retention, *kept]

"""``newsarchive serve --watch``: build, serve, and build again when an input changes.

``watchfiles`` (installed with Pelican) reports changes under the site folder; what a build
writes itself (the output, its staging folder, the cache, the lock) is ignored. Each rebuild is
the usual incremental, all-or-nothing build: a build with errors publishes nothing, so the last
good site stays served while the errors are printed. The server tells the open page about each
build (:mod:`.live`): it reloads itself, and shows a failed build's errors.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..model.site_lock import HOLDER_NAME, LOCK_NAME

# names (in the site folder) of what a build or import writes itself
_OWN = ("output", "cache", ".cache", ".venv", ".git", LOCK_NAME, HOLDER_NAME)


def _is_input(site: Path, output: Path):
    site, output = site.resolve(), output.resolve()

    def accept(_change, path: str) -> bool:
        resolved = Path(path)
        try:
            first = resolved.relative_to(site).parts[0]
        except (ValueError, IndexError):
            return True
        if first in _OWN or first.startswith(".") and first.endswith((".building", ".previous")):
            return False
        if output == resolved or output in resolved.parents or "__pycache__" in resolved.parts:
            return False
        return not resolved.name.endswith((".tmp", "~", ".swp"))

    return accept


def watch_and_rebuild(site: Path, output: Path, rebuild: Callable[[], None], stop: threading.Event) -> None:
    """Call ``rebuild`` after each batch of changes to the site's inputs, until ``stop`` is set."""
    from watchfiles import watch  # heavy optional: only for serve --watch

    for _changes in watch(site, watch_filter=_is_input(site, output), stop_event=stop, debounce=400,
                          raise_interrupt=False):
        rebuild()

"""The fingerprint of every page of the last build, so that the next build renders only what changed.

``CACHE_PATH/newsarchive-pages.json`` holds, for the output folder it describes, each
file's fingerprint (see :mod:`.fingerprints`) with its size and modification time when the
build finished. A page of the next build whose fingerprint is the same, and whose previous
file is still the same size and age (nobody edited the output), is linked from the previous
output instead of rendered. The records are written only after a build's output has been
swapped in, so they always describe the output that is there.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..model.files import write_atomically
from ..model.output_folder import PAGE_RECORDS_FILE

FORMAT = 1


def file_state(path: str) -> list[int] | None:
    """What says an output file is still the one a build wrote: its size and modification time."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def records_path(settings: dict) -> Path:
    return Path(settings.get("CACHE_PATH") or "cache") / PAGE_RECORDS_FILE


@dataclass
class PageRecords:
    """The previous build's fingerprints (``previous``) and this build's (``current``), by output path."""

    previous_output: str | None
    previous: dict[str, list] = field(default_factory=dict)  # path -> [fingerprint, size, mtime_ns]
    current: dict[str, str] = field(default_factory=dict)  # path -> fingerprint
    reused: int = 0  # pages linked without rendering
    rendered: int = 0

    @classmethod
    def load(cls, settings: dict, previous_output: str | None) -> PageRecords:
        records = cls(previous_output)
        if previous_output is None:
            return records
        try:
            stored = json.loads(records_path(settings).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return records
        if stored.get("format") == FORMAT and stored.get("output") == previous_output:
            records.previous = stored.get("pages") or {}
        return records

    def reusable(self, relative: str, fingerprint: str | None) -> str | None:
        """The previous file to link for the page at ``relative`` with this fingerprint, if there is one."""
        found = self._previous_file(relative, fingerprint)
        if found is None:
            self.rendered += 1
        else:
            self.reused += 1
        return found

    def _previous_file(self, relative: str, fingerprint: str | None) -> str | None:
        if fingerprint is None:
            return None
        self.current[relative] = fingerprint
        known = self.previous.get(relative)
        if not known or known[0] != fingerprint or self.previous_output is None:
            return None
        path = os.path.join(self.previous_output, relative)
        return path if file_state(path) == known[1:] else None

    def forget(self, relative: str) -> None:
        """A page written without fingerprint (or twice): never reuse it."""
        self.current.pop(relative, None)


def save(settings: dict, output: Path, records: PageRecords | None) -> None:
    """After the swap: the fingerprints of the pages now in ``output``, with their files' state."""
    path = records_path(settings)
    if records is None:
        path.unlink(missing_ok=True)
        return
    pages = {}
    for relative, fingerprint in sorted(records.current.items()):
        state = file_state(str(output / relative))
        if state is not None:
            pages[relative] = [fingerprint, *state]
    stored = {"format": FORMAT, "output": str(output.resolve()), "pages": pages}
    write_atomically(path, json.dumps(stored, separators=(",", ":")))

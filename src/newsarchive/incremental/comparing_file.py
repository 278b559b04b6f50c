"""A file of the output written only when its bytes changed: otherwise the previous output's file
is hard-linked in its place (same inode, same modification time, nothing written).

The linking writer (``linking_writer.py``) opens every page and feed through :class:`ComparingFile`;
the features write their other files of the output (the dataset, ``tags.json``, the sitemap)
through :func:`write_output_file`. This module does not import Pelican: the package's seam
(``newsarchive.incremental``) offers :func:`write_output_file` to the features.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from ..model.files import link_or_copy, relative_within
from .session import BuildSession, running


class Reused(str):
    """What a page whose fingerprint did not change renders to: a note to link the previous file."""

    def __new__(cls, previous: str):
        made = super().__new__(cls, "")
        made.previous = previous
        return made


class ComparingFile(io.StringIO):
    """Collects a page's text; on close, links the previous file when the bytes are equal, else writes."""

    def __init__(self, path: str, relative: str, previous: str, encoding: str, session: BuildSession):
        super().__init__()
        self.path, self.relative, self.previous = path, relative, previous
        self.charset, self.session = encoding, session
        self.reused: str | None = None

    def write(self, text: str) -> int:
        if isinstance(text, Reused):
            self.reused = text.previous
            return 0
        return super().write(text)

    def close(self) -> None:
        if self.closed:
            return
        data = self.getvalue().encode(self.charset)
        super().close()
        if self.reused is not None:
            link_or_copy(self.reused, self.path)
            return
        if os.path.lexists(self.path):
            os.unlink(self.path)
        try:
            same = os.path.getsize(self.previous) == len(data) and Path(self.previous).read_bytes() == data
        except OSError:
            same = False
        if same:
            link_or_copy(self.previous, self.path)
            return
        if self.path.endswith(".html"):
            self.session.changed_pages.add(self.relative)
        with open(self.path, "wb") as f:
            f.write(data)


def write_output_file(path: Path | str, text: str) -> None:
    """A file of the output that Pelican's writer does not write (the dataset, ``tags.json``, the
    sitemap): linked from the previous output when its bytes did not change, as the writer does
    with pages, else written. Outside a build that replaces an output: written."""
    path = Path(path)
    session = running()
    output = session.settings.get("OUTPUT_PATH") if session is not None and session.settings else None
    if session is None or not session.previous_output or not output:
        path.write_text(text, encoding="utf-8")
        return
    relative = relative_within(str(path), output)
    previous = os.path.join(session.previous_output, relative)
    with ComparingFile(str(path), relative, previous, "utf-8", session) as handle:
        handle.write(text)

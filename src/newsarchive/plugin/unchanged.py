"""Pages whose bytes did not change are hard-linked from the previous output, not written again.

``newsarchive build`` writes into a staging folder and swaps it in (see ``site.py``); it
names the output it will replace in the settings (``PREVIOUS_OUTPUT``). This writer still
renders every page, but when a page's bytes equal the previous output's file it links that
file into the staging folder instead of writing it: unchanged pages keep their inode and
modification time (cheap to sync to a server), and the previous output is never opened for
writing, so it stays intact until the swap. Whether any HTML page changed is recorded, so
that the search index can be reused when no page did.
"""

from __future__ import annotations

import io
import os

from pelican.writers import Writer

PREVIOUS_OUTPUT = "_newsarchive_previous_output"  # set by site.build_site; absent: write everything
HTML_CHANGED = "_newsarchive_html_changed"  # True once a page's bytes differ from the previous output's


class _Comparing(io.StringIO):
    """Collects a page's text; on close, links the previous file when the bytes are equal, else writes."""

    def __init__(self, path: str, previous: str, encoding: str, settings: dict):
        super().__init__()
        self.path, self.previous, self.charset, self.settings = path, previous, encoding, settings

    def close(self) -> None:
        if self.closed:
            return
        data = self.getvalue().encode(self.charset)
        super().close()
        if os.path.exists(self.path) or os.path.islink(self.path):
            os.unlink(self.path)
        try:
            same = os.path.getsize(self.previous) == len(data) and _read(self.previous) == data
        except OSError:
            same = False
        if same:
            try:
                os.link(self.previous, self.path)
                return
            except OSError:  # another file system: write the bytes instead
                pass
        elif self.path.endswith(".html"):
            self.settings[HTML_CHANGED] = True
        with open(self.path, "wb") as f:
            f.write(data)


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


class LinkingWriter(Writer):
    def _open_w(self, filename, encoding, override=False):
        handle = super()._open_w(filename, encoding, override)  # Pelican's checks against writing twice
        previous_root = self.settings.get(PREVIOUS_OUTPUT)
        if not previous_root or filename == os.devnull:
            if filename.endswith(".html"):
                self.settings[HTML_CHANGED] = True
            return handle
        handle.close()
        relative = os.path.relpath(filename, self.output_path)
        return _Comparing(filename, os.path.join(previous_root, relative), encoding, self.settings)


def get_writer(pelican):
    return LinkingWriter

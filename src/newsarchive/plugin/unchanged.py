"""Pages whose inputs did not change are not rendered, and pages whose bytes did not change are
not written: both are hard-linked from the previous output.

``newsarchive build`` writes into a staging folder and swaps it in (see ``build/run.py``); it
names the output it will replace in the settings (``PREVIOUS_OUTPUT``). When a rendered
page's bytes equal the previous output's file, this writer links that file into the staging
folder instead of writing it: unchanged pages keep their inode and modification time (cheap
to sync to a server), and the previous output is never opened for writing, so it stays
intact until the swap. The HTML pages whose bytes did change are recorded (``CHANGED_PAGES``),
so that the search index is rebuilt only for the parts holding them.

Before rendering, each page gets a fingerprint of everything its bytes depend on (see
``fingerprints.py``); when the previous build wrote the same page with the same fingerprint
(``page_records.py``), the page is not rendered at all: its previous file is linked.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path

from pelican.writers import FileOverwriteFailedError, Writer

from .. import progress
from ..files import link_or_copy, relative_within
from .feed_entries import feed_entries
from .fingerprints import Hasher, feed_fingerprint, page_fingerprint
from .page_records import PageRecords

PREVIOUS_OUTPUT = "_newsarchive_previous_output"  # set by build.run.build_site; absent: write everything
CHANGED_PAGES = "_newsarchive_changed_pages"  # the pages (relative paths) whose bytes differ from the previous output's
ENVIRONMENT = "_newsarchive_environment"  # build.stamp.environment_digest, set by build.run.build_site
PAGE_RECORDS = "_newsarchive_page_records"  # this build's PageRecords, saved by site.build_site

logger = logging.getLogger(__name__)


class _Reused(str):
    """What a page whose fingerprint did not change renders to: a note to link the previous file."""

    def __new__(cls, previous: str):
        made = super().__new__(cls, "")
        made.previous = previous
        return made


class _Comparing(io.StringIO):
    """Collects a page's text; on close, links the previous file when the bytes are equal, else writes."""

    def __init__(self, path: str, relative: str, previous: str, encoding: str, settings: dict):
        super().__init__()
        self.path, self.relative, self.previous = path, relative, previous
        self.charset, self.settings = encoding, settings
        self.reused: str | None = None

    def write(self, text: str) -> int:
        if isinstance(text, _Reused):
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
            self.settings.setdefault(CHANGED_PAGES, set()).add(self.relative)
        with open(self.path, "wb") as f:
            f.write(data)


class _Fingerprinted:
    """A template that is rendered only when its page's fingerprint is new."""

    def __init__(self, template, writer: LinkingWriter):
        self._template, self._writer = template, writer

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, localcontext: dict) -> str:
        writer = self._writer
        relative = localcontext["output_file"]
        fingerprint = page_fingerprint(writer.hasher, writer.environment, self._template, localcontext)
        previous = writer.records.reusable(relative, fingerprint)
        if previous is not None:
            return _Reused(previous)
        return self._template.render(localcontext)


class LinkingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.environment = self.settings.get(ENVIRONMENT)
        self.hasher = Hasher()
        if self.environment is not None:
            records = PageRecords.load(self.settings, self.settings.get(PREVIOUS_OUTPUT))
            self.settings[PAGE_RECORDS] = records
        self.records = self.settings.get(PAGE_RECORDS)
        self.written = 0  # pages, for the progress lines
        progress.step("writing pages (the article pages first)")

    def write_file(self, name, template, context, *args, **kwargs):
        self.written += 1
        progress.count("wrote {done} pages", self.written)
        if self.records is not None:
            template = _Fingerprinted(template, self)
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None):
        if self.records is None or not path:
            return self._write_entries(elements, context, path, url, feed_type, override_output, feed_title)
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        fingerprint = feed_fingerprint(self.hasher, self.environment, shown, context, path=path, url=url,
                                       feed_type=feed_type, feed_title=feed_title)
        previous = self.records.reusable(path, fingerprint)
        if previous is None:
            return self._write_entries(elements, context, path, url, feed_type, override_output, feed_title)
        target = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with self._open_w(target, "utf-8", override_output) as handle:
            handle.write(_Reused(previous))
        return None

    def _write_entries(self, elements, context, *arguments):
        """Pelican's feed of ``elements`` as entries: an undated article's entry never says year 1."""
        return super().write_feed(feed_entries(elements, context.get("articles", ())), context, *arguments)

    def _open_w(self, filename, encoding, override=False):
        if self.records is not None and (filename in self._written_files or filename in self._overridden_files):
            self.records.forget(os.path.relpath(filename, self.output_path))
        previous_root = self.settings.get(PREVIOUS_OUTPUT)
        if not previous_root:
            return super()._open_w(filename, encoding, override)
        if self._claim(filename, override) == os.devnull:
            return open(os.devnull, "w", encoding=encoding)
        relative = relative_within(filename, self.output_path)
        return _Comparing(filename, relative, os.path.join(previous_root, relative), encoding, self.settings)

    def _claim(self, filename: str, override: bool) -> str:
        """Pelican's checks against writing a file twice (``Writer._open_w``), without creating
        the file: the comparing handle links or writes it when closed. The path to write, or
        ``os.devnull`` when Pelican would skip it."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time '
                                               "(was previously overwritten)")
            logger.info('Skipping "%s", not overwriting', filename)
            return os.devnull
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" as Pelican has already written '
                                               "to it previously (set `override=True` if intended)")
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename


def get_writer(pelican):
    return LinkingWriter

"""Pages whose inputs did not change are not rendered, and pages whose bytes did not change are
not written: both are hard-linked from the previous output.

``newsarchive build`` writes into a staging folder and swaps it in (see ``build/run.py``); it
names the output it will replace in the build's session (``BuildSession.previous_output``). When a rendered
page's bytes equal the previous output's file, this writer links that file into the staging
folder instead of writing it: unchanged pages keep their inode and modification time (cheap
to sync to a server), and the previous output is never opened for writing, so it stays
intact until the swap. The HTML pages whose bytes did change are recorded (``BuildSession.changed_pages``),
so that the search index is rebuilt only for the parts holding them.

Before rendering, each page gets a fingerprint of everything its bytes depend on (see
``fingerprints.py``); when the previous build wrote the same page with the same fingerprint
(``page_records.py``), the page is not rendered at all: its previous file is linked.

The writer is Pelican's ``Writer`` with its ``_open_w`` replaced, which is Pelican's internals:
that subclass is in ``pelican_patches.py``; this module has what it writes with.
"""

from __future__ import annotations

import os

from ..process import progress
from .comparing_file import ComparingFile, Reused
from .fingerprints import Hasher, feed_fingerprint, page_fingerprint
from .page_records import PageRecords
from .session import BuildSession, running


class Fingerprinted:
    """A template that is rendered only when its page's fingerprint is new."""

    def __init__(self, template, writer: LinkingWrites):
        self._template, self._writer = template, writer

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, localcontext: dict) -> str:
        writer = self._writer
        relative = localcontext["output_file"]
        fingerprint = page_fingerprint(writer.hasher, writer.environment, self._template, localcontext)
        previous = writer.records.reusable(relative, fingerprint)
        if previous is not None:
            return Reused(previous)
        return self._template.render(localcontext)


class LinkingWrites:
    """What the linking writer adds to Pelican's ``Writer``, but for opening files (``pelican_patches``)."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.session = session = current_session(self.settings)
        self.environment = session.environment
        self.hasher = Hasher()
        if self.environment is not None:
            session.page_records = PageRecords.load(self.settings, session.previous_output)
        self.records = session.page_records
        self.written = 0  # pages, for the progress lines
        progress.step("writing pages (the article pages first)")

    def write_file(self, name, template, context, *args, **kwargs):
        self.written += 1
        progress.count("wrote {done} pages", self.written)
        if self.records is not None:
            template = Fingerprinted(template, self)
        return super().write_file(name, template, context, *args, **kwargs)

    def reusable_feed(self, elements, context, path, url, feed_type, feed_title) -> str | None:
        """The previous file of a feed whose items and arguments did not change, if there is one."""
        if self.records is None or not path:
            return None
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        fingerprint = feed_fingerprint(self.hasher, self.environment, shown, context, path=path, url=url,
                                       feed_type=feed_type, feed_title=feed_title)
        return self.records.reusable(path, fingerprint)

    def comparing_file(self, filename: str, relative: str, encoding: str) -> ComparingFile:
        previous = os.path.join(self.session.previous_output, relative)
        return ComparingFile(filename, relative, previous, encoding, self.session)


def current_session(settings: dict) -> BuildSession:
    """The running build's session; a writer made outside a build (a test) gets an empty one."""
    from_build = running()
    return from_build if from_build is not None else BuildSession(settings=settings)

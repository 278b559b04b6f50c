"""What a long build is doing, as it does it: one line per step, and a count every few seconds.

``newsarchive build`` installs a :class:`Progress` (``show``) before Pelican starts; the steps
call :func:`step` and :func:`count`, which do nothing when none is installed (Pelican run with
the plugin alone, a test). The Pelican process is forked from the build's, so it inherits the
reporter and its clock, and its lines go to the same stderr. A line starts with the seconds
since the build started, in brackets, so it cannot be read as a problem (``path:line: message``)::

    [   0 s] parsing 10000 articles on 2 cores (0 unchanged since the last build)
    [  10 s] parsed 2480 of 10000 articles
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

EVERY = 10.0  # seconds between two counts of the same step


@dataclass
class Progress:
    """Writes progress lines (to stderr unless ``write`` is given); ``every``: seconds between counts."""

    write: Callable[[str], None] = field(default=lambda line: print(line, file=sys.stderr, flush=True))
    every: float = EVERY
    started: float = field(default_factory=time.monotonic)
    _counted: dict[str, float] = field(default_factory=dict)  # when each count was first made or last shown
    _lock: threading.Lock = field(default_factory=threading.Lock)  # the search index counts from threads

    def step(self, what: str) -> None:
        self._line(what)

    def count(self, what: str, done: int, total: int | None = None) -> None:
        """``what`` is a format with ``{done}`` and ``{total}``; shown when ``every`` seconds have
        passed since the last count of it, or since the first (so a short step shows none)."""
        now = time.monotonic()
        with self._lock:
            if now - self._counted.setdefault(what, now) < self.every:
                return
            self._counted[what] = now
        self._line(what.format(done=done, total=total))

    def _line(self, text: str) -> None:
        with self._lock:
            self.write(f"[{time.monotonic() - self.started:4.0f} s] {text}")


_current: Progress | None = None


def show(progress: Progress | None) -> None:
    """Install ``progress`` (None: no lines) for the build about to run."""
    global _current
    _current = progress


def step(what: str) -> None:
    if _current is not None:
        _current.step(what)


def count(what: str, done: int, total: int | None = None) -> None:
    if _current is not None:
        _current.count(what, done, total)

"""One build or import at a time per site: a lock file in the site folder, held for the whole run.

The lock is ``filelock``'s ``FileLock`` (an ``flock`` on Unix), so the operating system releases
it when the process holding it ends, however it ends: a lock left by a killed run is never
stale, the next run simply takes it. It lives in the site folder itself, not in ``cache/``,
which ``make clean`` removes. Who holds it (command, process id, start time) is written beside
it, so a run that has to wait can say what it waits for. A forked child inherits the lock:
the build's child keeps it held while it runs, and it is free once both have ended.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".newsarchive.lock"
HOLDER_NAME = ".newsarchive.lock.json"  # apart from the lock: opening the lock file truncates it
POLL_SECONDS = 0.2


class SiteBusy(RuntimeError):
    """Another build or import holds the site's lock and the caller asked not to wait (or gave up);
    ``str()`` says which run holds it, without the site's path."""


@dataclass(frozen=True)
class Holder:
    """Who holds a site's lock."""

    command: str  # "build" or "import"
    pid: int
    started: str  # local time, to the second

    def describe(self) -> str:
        return f"the {self.command} started at {self.started} (pid {self.pid})"


def lock_path(site: Path) -> Path:
    return site / LOCK_NAME


@contextmanager
def site_lock(
    site: Path,
    command: str,
    wait: bool = True,
    announce: Callable[[str], None] | None = None,
    timeout: float | None = None,
) -> Iterator[Holder]:
    """Hold the lock of the site in ``site`` while the ``with`` body runs.

    When another run holds it: with ``wait``, say once what is being waited for (``announce``)
    and wait for it (at most ``timeout`` seconds, then ``SiteBusy``); without, raise ``SiteBusy``
    saying which run holds it.
    """
    site.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(lock_path(site)), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        waiting = f"another run holds this site: {_holder_text(site)}"
        if not wait:
            raise SiteBusy(f"{waiting}; not waiting (--no-wait)") from None
        if announce is not None:
            announce(f"{site}: {waiting}; waiting for it to end")
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                lock.acquire(timeout=POLL_SECONDS)
                break
            except Timeout:
                if deadline is not None and time.monotonic() > deadline:
                    raise SiteBusy(f"{waiting}; gave up after {timeout:.0f} s") from None
    holder = Holder(command, os.getpid(), datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
    try:
        _write_holder(site, holder)
        yield holder
    finally:
        (site / HOLDER_NAME).unlink(missing_ok=True)
        lock.release(force=True)


def _holder_text(site: Path) -> str:
    try:
        data = json.loads((site / HOLDER_NAME).read_text(encoding="utf-8"))
        return Holder(**data).describe()
    except (OSError, ValueError, TypeError):
        return "a run that has not yet said what it is"


def _write_holder(site: Path, holder: Holder) -> None:
    path = site / HOLDER_NAME
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(asdict(holder)), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)  # only the waiting message loses its detail

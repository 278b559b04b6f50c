"""What the import refuses to read: inputs that are not regular files, and files too large.

A device (``/dev/zero``), a pipe or a socket would be read until memory runs out or forever;
a digest, page or feed larger than ``DEFAULT_MAX_INPUT_BYTES`` (``--max-input-mb``) is more
likely a mistake than a digest, and is read whole into memory. WARC files are streamed record
by record instead, each record's payload at most ``DEFAULT_MAX_RECORD_BYTES``.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ..model.problems import Problem, Severity

MB = 1024 * 1024
DEFAULT_MAX_INPUT_BYTES = 200 * MB
DEFAULT_MAX_RECORD_BYTES = 50 * MB


def regular_size(path: Path) -> int | None:
    """The size of a regular file; None for anything else or a file that cannot be looked at."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


# A folder's README says what the folder is for; `newsarchive init` writes one in digests/, and
# the command it suggests (`newsarchive import digests/*`) would otherwise import it as a digest.
README_NAMES = frozenset({"readme", "readme.md", "readme.txt", "readme.rst"})


def refusal(path: Path, max_bytes: int | None) -> Problem | None:
    """Why ``path`` is not read at all, or None; ``max_bytes`` None: no size limit (a WARC file)."""
    if path.name.lower() in README_NAMES:
        return Problem(str(path), 0, Severity.WARNING,
                       "skipped: a README describes its folder, it is not an input (rename it to import it)")
    try:
        info = path.stat()
    except OSError as exc:
        return Problem(str(path), 0, Severity.ERROR, f"cannot be read: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, pipe or socket"
        return Problem(str(path), 0, Severity.ERROR, f"is not a regular file ({kind}); not imported")
    if max_bytes is not None and info.st_size > max_bytes:
        return Problem(
            str(path), 0, Severity.ERROR,
            f"is {info.st_size / MB:.0f} MB, more than the {max_bytes / MB:.0f} MB an input may be; not imported "
            f"(raise the limit with --max-input-mb)",
        )
    return None

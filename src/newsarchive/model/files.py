"""Writing files safely: atomically replaced, hard-linked from a previous build, or two folders swapped.

Kept apart from the article writer so that the build's parent process, which only saves
records and links search index parts, does not import Pelican through it.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import sys
from pathlib import Path


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """Hard-link ``source`` as ``target`` (same bytes, same inode, no write); copy it across file systems.
    A file already at ``target`` is replaced, never written through (it may be a link to another build's)."""
    try:
        os.link(source, target)
        return
    except FileExistsError:
        os.unlink(target)
    except OSError:
        Path(target).write_bytes(Path(source).read_bytes())
        return
    link_or_copy(source, target)


def write_atomically(target: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a crash never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def relative_within(path: str, folder: str) -> str:
    """``path`` relative to ``folder``, with forward slashes (``os.path.relpath``, which is slow, when
    ``path`` is not simply below it)."""
    prefix = folder.rstrip(os.sep) + os.sep
    if path.startswith(prefix) and os.sep + ".." + os.sep not in path and os.sep + "." + os.sep not in path:
        relative = path[len(prefix):]
    else:
        relative = os.path.relpath(path, folder)
    return relative.replace(os.sep, "/")


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_NOT_SUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP}


def exchange(first: Path | str, second: Path | str) -> bool:
    """Swap two existing paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``): a reader
    sees one or the other, never neither. False, with nothing changed, where the system or the file
    system cannot do it; an ``OSError`` for any other failure (a mount point: ``EBUSY``)."""
    call = _renameat2()
    if call is None:
        return False
    if call(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NOT_SUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


@functools.cache
def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2  # glibc 2.28 and later
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function

"""Writing files safely: atomically replaced, or hard-linked from a previous build.

Kept apart from the article writer so that the build's parent process, which only saves
records and links search index parts, does not import Pelican through it.
"""

from __future__ import annotations

import os
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

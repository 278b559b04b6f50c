"""Did the code change? One hash of Python source files, for everything kept between builds.

The parse cache, the stored tagger and the no-change stamp each keep what some code made;
each names the code it depends on and keys what it keeps by this digest of it (and of the
versions of the libraries involved), so an edit of that code, or an upgrade, starts afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # newsarchive's own code (this file is in model/)


def code_digest(paths: Iterable[Path], libraries: Iterable[str] = ()) -> str:
    """The SHA-256 of the ``.py`` files at ``paths`` (files, or folders walked in a fixed order), each
    by its path below the package and its bytes, and of the installed versions of ``libraries``."""
    digest = hashlib.sha256()
    for path in paths:
        path = Path(path)
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            resolved = file.resolve()
            shown = resolved.relative_to(PACKAGE) if resolved.is_relative_to(PACKAGE) else file.name
            digest.update(f"{shown}\0".encode() + file.read_bytes() + b"\0")
    for library in libraries:
        try:
            digest.update(f"{library}={metadata.version(library)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none\0".encode())
    return digest.hexdigest()

"""``newsarchive bag``: a BagIt bag (RFC 8493, written and checked by the Library of Congress's
``bagit`` package) of a built site, its ``content/`` and the inputs that lie inside the site folder,
for deposit in a repository that will check it years later.

The payload is ``data/site/`` (the output), ``data/content/`` and ``data/inputs/`` (each input by its
path in the site folder). An input outside the site folder is recorded by its name only in the
article files, so ``bag-info.txt`` lists it by name with the SHA-256 of each article's text taken
from it (``Digest-SHA256``), which the input can be checked against.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import bagit

from . import __version__
from .model.article_file import read_header, read_provenance
from .model.records import InputKind


class BagError(Exception):
    """The bag cannot be made: the message says why."""


def article_inputs(content: Path) -> dict[str, list[str]]:
    """Each input named in an article file's header -> the SHA-256s of the article texts taken from it."""
    found: dict[str, list[str]] = {}
    for path in sorted(content.rglob("*.md")):
        header = read_header(path.read_text(encoding="utf-8", errors="replace"))
        for entry in read_provenance(header):
            hashes = found.setdefault(entry.file, [])
            if entry.kind is InputKind.DIGEST and entry.sha256:
                hashes.append(entry.sha256)
    return found


def make_bag(output: Path, bagdir: Path, site: Path, content: Path, archive_name: str, stamp_file: Path,
             announce: Callable[[str], None]) -> bagit.Bag:
    if not (output / "index.html").is_file():
        raise BagError(f"{output}: no built site here; run 'newsarchive build' first")
    if bagdir.exists() and any(bagdir.iterdir()):
        raise BagError(f"{bagdir}: not empty; name a new folder for the bag")
    payload = bagdir / "payload-being-made"
    shutil.copytree(output, payload / "site", symlinks=False)
    if content.is_dir():
        shutil.copytree(content, payload / "content")
    outside: dict[str, list[str]] = {}
    for name, hashes in article_inputs(content).items():
        path = (site / name).resolve()
        if site.resolve() in path.parents and path.is_file():
            target = payload / "inputs" / Path(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        else:
            outside[name] = hashes
    info = {
        "Source-Organization": archive_name,
        "External-Description": f"The news archive {archive_name}: the built site (data/site), its article files "
        "(data/content) and the inputs inside the site folder (data/inputs).",
        "Newsarchive-Version": __version__,
    }
    try:
        stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
        info["Build-Input-Digest"] = stamp["inputs"]
        info["Build-Date"] = datetime.fromtimestamp(stamp_file.stat().st_mtime, UTC).isoformat(timespec="seconds")
    except (OSError, ValueError, KeyError):
        announce(f"{stamp_file}: no record of the last build; bag-info.txt leaves out its input digest and date")
    if outside:
        info["External-Input"] = [
            f"{name} (outside the site folder; SHA-256 of its article texts: {' '.join(hashes)})"
            for name, hashes in sorted(outside.items())
        ]
    announce(f"hashing {sum(1 for p in payload.rglob('*') if p.is_file())} files")
    bagit.make_bag(str(payload), info, checksums=["sha256", "sha512"])
    # make_bag turns the folder into the bag in place; the bag is the folder the user named
    for item in payload.iterdir():
        item.rename(bagdir / item.name)
    payload.rmdir()
    return bagit.Bag(str(bagdir))

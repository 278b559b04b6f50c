"""Which folder a build may delete and replace: only one it made.

A build replaces its whole output folder, so before anything is touched the output the user
named is checked, the way rsync's ``--delete``, Hugo and MkDocs refuse to clean a folder that
is not theirs. A folder a build made holds a small mark file (:data:`MARK`) saying so. The
output may not be, contain or lie inside one of the site's own folders (content, digests,
taxonomy, theme, the site folder itself), nor be a file, nor a non-empty folder without the
mark, unless the previous build's own records name it (then it is adopted and marked) or the
user names it on purpose (``--output-clean``, never for the site's own folders).

Used by both ``newsarchive build`` (in its child, right after the settings are read) and the
plugin under plain ``pelican`` (at ``initialized``), so it imports neither.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MARK = ".newsarchive-output"
_MARK_TEXT = (
    "This folder is the output of a newsarchive build: the next build deletes and replaces it.\n"
    "Remove this file to keep newsarchive from ever touching the folder.\n"
)
# The files in CACHE_PATH in which a build records the output it wrote: named here, once, because this
# module reads them to vouch for an unmarked output; build/stamp.py and incremental/page_records.py write them.
BUILD_STAMP_FILE = "newsarchive-build.json"
PAGE_RECORDS_FILE = "newsarchive-pages.json"
RECORD_FILES = (BUILD_STAMP_FILE, PAGE_RECORDS_FILE)


class OutputRefused(Exception):
    """The output folder may not be replaced; ``str()`` is the one ``path: error: ...`` line.

    ``exitcode`` is read by Pelican's command line, so plain ``pelican`` exits 2 as ``newsarchive build`` does.
    """

    exitcode = 2

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = _shown(path), reason
        super().__init__(f"{self.path}: error: {reason}")


@dataclass(frozen=True)
class SiteFolders:
    """The folders of a site that a build reads and must never replace."""

    site: Path  # the folder of the settings file
    content: Path
    others: tuple[Path, ...] = ()  # digests, taxonomy, theme, ... (those that exist or are set)

    @classmethod
    def of(cls, site: Path, settings: dict, extra: Iterable[Path] = ()) -> SiteFolders:
        others = [site / "digests", site / "taxonomy", site / "theme", *extra]
        theme = settings.get("THEME")
        if theme and os.path.isdir(theme) and _inside(Path(theme).resolve(), site.resolve()):
            others.append(Path(theme))
        return cls(site, Path(settings["PATH"]), tuple(others))

    def named(self) -> list[tuple[Path, str]]:
        folders = [(self.content, "the content folder (the articles)")]
        for folder in self.others:
            folders.append((folder, f"the site's {folder.name}/ folder"))
        return folders


def check_output(output: Path, folders: SiteFolders, cache: Path | None, clean: bool = False) -> bool:
    """Raise ``OutputRefused`` when a build may not replace ``output``; True when it is to be
    adopted (unmarked, but a folder the previous build's records name, or ``clean``)."""
    target = output.resolve()
    site = folders.site.resolve()
    if target == site or _inside(site, target):
        raise OutputRefused(output, f"is the site folder or contains it ({_shown(folders.site)}): a build replaces its "
                                    "output folder, which would delete the site; choose another --output")
    for folder, what in folders.named():
        source = folder.resolve()
        if target == source or _inside(target, source) or _inside(source, target):
            relation = "is" if target == source else ("lies inside" if _inside(target, source) else "contains")
            raise OutputRefused(output, f"{relation} {what}: a build replaces its output folder, "
                                        "which would delete it; choose another --output (--output-clean does not "
                                        "change this)")
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise OutputRefused(output, "is not a folder: a build would replace it with one; choose another --output")
    if not output.exists() or is_marked(output) or not any(output.iterdir()):
        return False
    if clean or _vouched_for(target, cache):
        return True
    raise OutputRefused(output, f"is not empty and was not made by newsarchive (it has no {MARK} file): a build "
                                "deletes and replaces its output folder; choose another --output, or pass "
                                "--output-clean if this folder may be replaced")


def is_marked(folder: Path) -> bool:
    return (folder / MARK).is_file()


def mark(folder: Path) -> None:
    """Say in ``folder`` that a build made it (and may replace it)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARK).write_text(_MARK_TEXT, encoding="utf-8")


def _vouched_for(target: Path, cache: Path | None) -> bool:
    """Whether the previous build's own records (in its cache) name ``target`` as its output."""
    if cache is None:
        return False
    for name in RECORD_FILES:
        try:
            if json.loads((cache / name).read_text(encoding="utf-8")).get("output") == str(target):
                return True
        except (OSError, ValueError, AttributeError):
            continue
    return False


def _shown(path: Path) -> Path:
    """``path`` as the user would write it: relative to the current folder when inside it or
    beside it (``..``, ``../other``), else as given."""
    if not path.is_absolute():
        return path
    relative = Path(os.path.relpath(path.resolve(), Path.cwd().resolve()))
    return relative if relative.parts[:2] != ("..", "..") else path


def _inside(path: Path, folder: Path) -> bool:
    return folder in path.parents

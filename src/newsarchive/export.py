"""``newsarchive export``: the dataset of the last build (``data/`` in its output), copied to a folder,
building first when the output is missing or older than the content."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from .build import build_site

FORMATS = {
    "csv": ("articles.csv", "figures.csv"),
    "json": ("articles.json",),
    "datapackage": ("datapackage.json", "articles.csv", "articles.json", "figures.csv"),
}


def _newest_mtime(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0.0)


def needs_build(data: Path, content: Path) -> bool:
    """No dataset yet, or one older than some content file (an article added or edited since)."""
    made = data / "datapackage.json"
    return not made.is_file() or (content.is_dir() and _newest_mtime(content) > made.stat().st_mtime)


def export_dataset(settings_file: Path, output: Path, content: Path, data_folder: str, fmt: str, target: Path,
                   announce: Callable[[str], None]):
    """Copy the files of ``fmt`` into ``target``; the build's report when it had to build, else None."""

    report = None
    data = output / data_folder
    if needs_build(data, content):
        announce(f"{data}: missing or older than {content}; building first")
        report = build_site(settings_file, None, load_shared=False, announce=announce)
        if report.exit_code():
            return report
    target.mkdir(parents=True, exist_ok=True)
    for name in FORMATS[fmt]:
        shutil.copy2(data / name, target / name)
        announce(f"wrote {target / name}")
    return report

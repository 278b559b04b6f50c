"""``newsarchive init``: a new archive folder, ready to import into and build.

Written from the skeleton the package carries (:mod:`.packaged`): the settings with the
archive's name, address and language, a commented taxonomy with one example each, ``digests/``
with a README saying what goes there, an empty ``content/``, a ``.gitignore`` and a README for
the archive's owner. Never into a folder that holds anything, unless ``force``, and then only
the files that are missing: nothing there is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model.packaged import EXAMPLE_SITEURL, SKELETON

# skeleton file -> where it goes in the new archive (".in" files are filled in with the archive's values)
_FILES = {
    "pelicanconf.py.in": "pelicanconf.py",
    "publishconf.py.in": "publishconf.py",
    "README.md.in": "README.md",
    "gitignore": ".gitignore",
    "taxonomy/tags.yaml": "taxonomy/tags.yaml",
    "taxonomy/sources.yaml": "taxonomy/sources.yaml",
    "digests/README.md": "digests/README.md",
}
_FOLDERS = ("content/articles", "digests", "taxonomy")


class InitRefused(Exception):
    """The folder holds something already; ``str()`` says what to do."""


@dataclass
class InitResult:
    folder: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # with ``force``: files already there, left alone


def init_site(folder: Path, name: str, url: str = EXAMPLE_SITEURL, language: str = "en",
              force: bool = False) -> InitResult:
    if folder.exists() and not folder.is_dir():
        raise InitRefused(f"{folder}: error: is a file; newsarchive init makes a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InitRefused(f"{folder}: error: is not empty; newsarchive init writes a new archive into a new or empty "
                          "folder (--force adds only the files that are missing, overwriting nothing)")
    values = {
        "name": name, "url": url, "language": language,
        "name_literal": repr(name), "url_literal": repr(url), "language_literal": repr(language),
    }
    result = InitResult(folder)
    for relative in _FOLDERS:
        (folder / relative).mkdir(parents=True, exist_ok=True)
    for source, target in _FILES.items():
        path = folder / target
        if path.exists():
            result.kept.append(target)
            continue
        text = (SKELETON / source).read_text(encoding="utf-8")
        if source.endswith(".in"):
            text = text.format(**values)
        path.write_text(text, encoding="utf-8")
        result.written.append(target)
    return result

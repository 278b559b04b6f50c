"""A rebuild from exactly the same inputs is skipped: the previous output is what it would make.

A build's output depends only on its inputs: the settings, the files under the content
folder, the theme, the taxonomy and sources files, newsarchive's own code and the versions
of Pelican and the libraries it renders with. After a build without problems, a hash of all
of them is written to ``CACHE_PATH/newsarchive-build.json`` with the list of output files
(path, size, modification time). When the next build finds the same hash and the output
still holds exactly those files, there is nothing to build. Whatever the hash cannot vouch
for builds as usual: settings whose text names a memory address (a function, an object),
other plugins, the cache turned off, a previous build that reported problems.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..incremental import file_state
from ..model import settings as plugin_settings
from ..model.code_digest import PACKAGE, code_digest
from ..model.files import write_atomically
from ..model.output_folder import BUILD_STAMP_FILE, MARK

_PRIVATE = ("OUTPUT_PATH",)  # set by build_site for one build only
_LIBRARIES = ("pelican", "jinja2", "markdown", "markupsafe", "feedgenerator", "pagefind")
PLUGIN = "newsarchive.plugin"


def _stamp_path(settings: dict) -> Path:
    return Path(settings.get("CACHE_PATH") or "cache") / BUILD_STAMP_FILE


def _hash_tree(digest, path: Path, file_keys: dict[str, str] | None = None) -> None:
    """Each file of the tree (or the file) by its path and SHA-256, in a fixed order; ``file_keys``
    receives the SHA-256 of each by absolute path."""
    if path.is_file():
        found = [(str(path), str(path))]
    else:
        found = []
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            found += [(os.path.join(folder, name), os.path.relpath(os.path.join(folder, name), path))
                      for name in sorted(files)]
    for file, shown in found:
        with open(file, "rb") as f:
            key = hashlib.sha256(f.read()).hexdigest()
        digest.update(f"{shown}\0{key}\0".encode())
        if file_keys is not None:
            file_keys[os.path.abspath(file)] = key


def inputs_digest(settings: dict, output: Path, environment: str | None,
                  file_keys: dict[str, str] | None = None) -> str | None:
    """The hash of everything the build reads (``environment``: :func:`environment_digest`); None when
    something cannot be vouched for. Each content file counts by its SHA-256, which ``file_keys``
    receives by absolute path: the parse cache and the article store look files up by it, and
    need not read and hash them again."""
    if environment is None:
        return None
    digest = hashlib.sha256(f"{environment}\0{output.resolve()}\0".encode())
    content = Path(settings["PATH"])
    if content.exists():
        _hash_tree(digest, content, file_keys)
    return digest.hexdigest()


def environment_digest(settings: dict) -> str | None:
    """The hash of what every page depends on besides the content: the settings, the theme,
    the taxonomy and sources files, newsarchive's code and the libraries' versions."""
    if list(settings.get("PLUGINS") or ()) != [PLUGIN] or not plugin_settings.get(settings, "NEWSARCHIVE_CACHE"):
        return None
    shown = repr(sorted((k, v) for k, v in settings.items() if not k.startswith(_PRIVATE)))
    if " at 0x" in shown:
        return None
    digest = hashlib.sha256(f"{shown}\0".encode())
    # all of newsarchive's code, not only this package's, and the versions of the libraries pages depend on
    digest.update(f"code={code_digest([PACKAGE], _LIBRARIES)}\0".encode())
    taxonomy = plugin_settings.site_path(settings, "NEWSARCHIVE_TAXONOMY")
    for path in (Path(settings["THEME"]), taxonomy, plugin_settings.site_path(settings, "NEWSARCHIVE_SOURCES_FILE")):
        digest.update(f"\0{path}\0".encode())
        if path.exists():
            _hash_tree(digest, path)
    return digest.hexdigest()


def _listing(output: Path) -> dict[str, list[int] | None]:
    """Every file of ``output`` with its state, but the mark that says a build made it (an adopted
    output is marked without being built again)."""
    found = {}
    for folder, _, files in os.walk(output):
        for name in files:
            if name == MARK and folder == str(output):
                continue
            found[os.path.relpath(os.path.join(folder, name), output)] = file_state(os.path.join(folder, name))
    return found


def unchanged_articles(settings: dict, output: Path, digest: str | None) -> int | None:
    """The article count of the previous build when it had these inputs and its output is intact, else None."""
    if digest is None or not output.is_dir():
        return None
    try:
        stamp = json.loads(_stamp_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if stamp.get("inputs") != digest or stamp.get("output") != str(output.resolve()):
        return None
    return stamp["articles"] if stamp.get("files") == _listing(output) else None


def record(settings: dict, output: Path, digest: str | None, articles: int) -> None:
    """After a build without problems: remember its inputs and output (None: forget them)."""
    path = _stamp_path(settings)
    if digest is None:
        path.unlink(missing_ok=True)
        return
    stamp = {"inputs": digest, "output": str(output.resolve()), "articles": articles, "files": _listing(output)}
    write_atomically(path, json.dumps(stamp))
